package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of one batch: the updates to send, in order, and for each change of the batch the
 * hosts it reached, so that each change's liveness can be tracked per host. Also how each reached
 * host was brought up to date: {@code recompiled} whole, or {@code patched} in its group sets only
 * (hosts in neither were not planned: both sets are for metrics and for tests of the fast path).
 */
public record DispatchPlan(
        List<HostUpdate> updates, List<Set<String>> reachedByChange, Set<String> recompiled, Set<String> patched) {
    public DispatchPlan {
        updates = List.copyOf(requireNonNull(updates, "updates is null"));
        reachedByChange = reachedByChange.stream().map(Set::copyOf).toList();
        recompiled = Set.copyOf(requireNonNull(recompiled, "recompiled is null"));
        patched = Set.copyOf(requireNonNull(patched, "patched is null"));
    }

    public DispatchPlan(List<HostUpdate> updates, List<Set<String>> reachedByChange) {
        this(updates, reachedByChange, Set.of(), Set.of());
    }

    /**
     * For the changes at the given positions: every reached host that was sent an update, and the
     * generation that makes the changes live there. Hosts whose state did not change need nothing.
     */
    public Map<String, Generation> requiredGenerations(List<Integer> changePositions) {
        Map<String, Generation> sentGeneration = new TreeMap<>();
        for (HostUpdate update : updates) {
            sentGeneration.put(update.hostId(), update.generation());
        }
        Map<String, Generation> required = new TreeMap<>();
        for (int position : changePositions) {
            for (String host : reachedByChange.get(position)) {
                Generation generation = sentGeneration.get(host);
                if (generation != null) {
                    required.put(host, generation);
                }
            }
        }
        return required;
    }
}
