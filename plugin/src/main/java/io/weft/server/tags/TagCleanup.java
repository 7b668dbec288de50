package io.weft.server.tags;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Deletes the tags of resources deleted in the same transaction; each feature calls it for its own rows. */
public final class TagCleanup {
    private TagCleanup() {}

    public static void deleteTagsOf(Session session, TaggedType type, Collection<UUID> resources) {
        if (resources.isEmpty()) {
            return;
        }
        session.createMutationQuery("delete from ResourceTag where resourceType = :type and resourceUuid in :resources")
                .setParameter("type", type.storedName())
                .setParameter("resources", List.copyOf(resources))
                .executeUpdate();
    }
}
