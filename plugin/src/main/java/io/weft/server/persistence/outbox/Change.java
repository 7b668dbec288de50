package io.weft.server.persistence.outbox;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One change, as written to and read from the outbox: what to reload, the ids, and whether the change
 * can only take access away (revoke, delete, remove a member, unbind), which the dispatcher sends
 * ahead of changes that grant access. Ids are kept sorted and distinct, so that equal changes are
 * written as equal bytes.
 */
public record Change(ChangeKind kind, List<UUID> ids, boolean tightens) {
    public Change {
        requireNonNull(kind, "kind is null");
        ids = List.copyOf(new TreeSet<>(requireNonNull(ids, "ids is null")));
    }

    public static Change of(ChangeKind kind, Collection<UUID> ids, boolean tightens) {
        return new Change(kind, List.copyOf(requireNonNull(ids, "ids is null")), tightens);
    }

    /** A change the dispatcher cannot read: it reloads everything, sending removals first. */
    static Change unreadable() {
        return new Change(ChangeKind.FLEET, List.of(), true);
    }
}
