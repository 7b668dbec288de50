package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
     * For the changes at the given positions: every reached host and the generation that makes the
     * changes live there. A host this plan sends an update needs that update. A reached host this
     * plan sends nothing already holds the change in the state it was last sent (a take-over's or a
     * reload's FULL may have carried it before this batch was planned), so it needs that
     * generation, which {@code lastSent} names; a host never sent anything needs nothing.
     */
    public Map<String, Generation> requiredGenerations(
            List<Integer> changePositions, Function<String, Optional<Generation>> lastSent) {
        Map<String, Generation> sentGeneration = new TreeMap<>();
        for (HostUpdate update : updates) {
            sentGeneration.put(update.hostId(), update.generation());
        }
        Map<String, Generation> required = new TreeMap<>();
        for (int position : changePositions) {
            for (String host : reachedByChange.get(position)) {
                Optional.ofNullable(sentGeneration.get(host))
                        .or(() -> lastSent.apply(host))
                        .ifPresent(generation -> required.put(host, generation));
            }
        }
        return required;
    }
}
