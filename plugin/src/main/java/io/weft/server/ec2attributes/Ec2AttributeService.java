package io.weft.server.ec2attributes;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * Stores the EC2-only settings of resources by their uuid. It checks no authority: the EC2 edge
 * resolves every ID under the caller's authority before it reads or writes here, and the values never
 * reach the dataplane, so they write no change record.
 */
public final class Ec2AttributeService {
    private final SessionFactory sessions;
    private final Clock clock;

    @Inject
    public Ec2AttributeService(SessionFactory sessions, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The stored settings of each resource, by name; a resource without any maps to an empty map. */
    public Map<UUID, Map<String, String>> of(Collection<UUID> resources) {
        Map<UUID, Map<String, String>> byResource = new LinkedHashMap<>();
        resources.forEach(id -> byResource.put(id, new LinkedHashMap<>()));
        if (resources.isEmpty()) {
            return byResource;
        }
        sessions.inTransaction(session -> session.createSelectionQuery(
                        "from Ec2Attribute where resourceUuid in :resources order by resourceUuid, name",
                        Ec2Attribute.class)
                .setParameter("resources", List.copyOf(resources))
                .getResultList()
                .forEach(attribute ->
                        byResource.get(attribute.getResourceUuid()).put(attribute.getName(), attribute.getValue())));
        return byResource;
    }

    public Map<String, String> of(UUID resource) {
        return of(List.of(resource)).get(resource);
    }

    /** Sets one setting, replacing its earlier value. */
    public void set(UUID resource, String name, String value) {
        sessions.inTransaction(session -> session.createSelectionQuery(
                        "from Ec2Attribute where resourceUuid = :resource and name = :name", Ec2Attribute.class)
                .setParameter("resource", resource)
                .setParameter("name", name)
                .uniqueResultOptional()
                .ifPresentOrElse(
                        existing -> existing.setValue(value),
                        () -> session.persist(
                                new Ec2Attribute(UUID.randomUUID(), resource, name, value, clock.instant()))));
    }
}
