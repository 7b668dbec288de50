package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.Generation;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * One step of a make-before-break move: {@code released} hosts get their queued updates only once
 * every host in {@code awaited} has applied the generation given for it, or at the deadline, so a
 * dead destination cannot block the fleet. A NIC moving from A to B is programmed on B first, then
 * its peers are repointed to B, then it is removed from A.
 */
record MigrationBarrier(Map<String, Generation> awaited, Set<String> released, Instant deadline) {
    MigrationBarrier {
        awaited = new TreeMap<>(requireNonNull(awaited, "awaited is null"));
        released = new TreeSet<>(requireNonNull(released, "released is null"));
        requireNonNull(deadline, "deadline is null");
    }

    boolean satisfied(BiPredicate<String, Generation> applied, Instant now) {
        return !now.isBefore(deadline)
                || awaited.entrySet().stream().allMatch(e -> applied.test(e.getKey(), e.getValue()));
    }
}
