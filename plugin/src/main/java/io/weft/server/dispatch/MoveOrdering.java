package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Make-before-break for NICs that move between hosts, so that a live migration loses no packet:
 * the destination is programmed first, every other host of the batch is repointed once the
 * destinations have applied theirs, and the source gives the NIC up last, once the peers have too.
 *
 * <p>Updates for a host behind a barrier are queued here in generation order and handed back when
 * the barrier is satisfied (or its deadline passes, so a dead destination cannot block the fleet).
 * Pure: no threads, no clock; the caller says what time it is and which generations were applied.
 */
public final class MoveOrdering {
    private final Duration barrierTimeout;
    private final Map<String, ArrayDeque<HostUpdate>> held = new TreeMap<>();
    private final List<MigrationBarrier> barriers = new ArrayList<>();

    /** {@code barrierTimeout}: how long a step waits for acks before releasing the next anyway. */
    public MoveOrdering(Duration barrierTimeout) {
        this.barrierTimeout = requireNonNull(barrierTimeout, "barrierTimeout is null");
    }

    /** A NIC bound to one host and now to another. */
    public record Move(String nicId, String from, String to) {
        public Move {
            requireNonNull(nicId, "nicId is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** The moves among {@code changes}: NICs the fleet has on one host that a change puts on another. */
    public static List<Move> movesIn(List<FleetChange> changes, FleetModel fleet) {
        List<Move> moves = new ArrayList<>();
        for (FleetChange change : changes) {
            if (change instanceof FleetChange.PutNic put && put.nic().hostId().isPresent()) {
                String to = put.nic().hostId().get();
                fleet.nic(put.nic().nicId())
                        .flatMap(FleetNic::hostId)
                        .filter(from -> !from.equals(to))
                        .ifPresent(from -> moves.add(new Move(put.nic().nicId(), from, to)));
            }
        }
        return moves;
    }

    /**
     * Orders one batch's updates ({@code generations}: the generation each host is about to be sent)
     * for its moves: destinations at once; every other host once the destinations have applied
     * theirs; the sources last, once the peers have too. Returns the order, for the log.
     */
    public String order(List<Move> moves, Map<String, Generation> generations, Instant now) {
        Set<String> destinations = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        moves.forEach(m -> {
            destinations.add(m.to());
            sources.add(m.from());
        });
        sources.removeAll(destinations);
        Set<String> peers = new TreeSet<>(generations.keySet());
        peers.removeAll(destinations);
        peers.removeAll(sources);
        Instant deadline = now.plus(barrierTimeout);
        Map<String, Generation> destinationGenerations = only(generations, destinations);
        Map<String, Generation> beforeSources = new TreeMap<>(destinationGenerations);
        beforeSources.putAll(only(generations, peers));
        hold(new MigrationBarrier(
                destinationGenerations, only(generations, peers).keySet(), deadline));
        hold(new MigrationBarrier(beforeSources, only(generations, sources).keySet(), deadline));
        return "destinations " + destinations + ", then peers " + peers + ", then sources " + sources;
    }

    private static Map<String, Generation> only(Map<String, Generation> generations, Set<String> hosts) {
        Map<String, Generation> selected = new TreeMap<>();
        hosts.forEach(h -> {
            if (generations.containsKey(h)) {
                selected.put(h, generations.get(h));
            }
        });
        return selected;
    }

    private void hold(MigrationBarrier barrier) {
        if (barrier.released().isEmpty()) {
            return;
        }
        barriers.add(barrier);
        barrier.released().forEach(h -> held.computeIfAbsent(h, k -> new ArrayDeque<>()));
    }

    /** Whether the host's newest state waits behind a barrier (so it must not be resent around it). */
    public boolean holds(String hostId) {
        return held.containsKey(hostId);
    }

    /** Queues the update when its host is held and returns true; false means send it now. */
    public boolean offer(HostUpdate update) {
        ArrayDeque<HostUpdate> queue = held.get(update.hostId());
        if (queue == null) {
            return false;
        }
        queue.add(update);
        return true;
    }

    /**
     * Drops every barrier that is satisfied (its hosts applied, or its deadline passed) and returns
     * the queued updates of hosts no longer behind any barrier: host by host, each host's in the
     * order they were queued.
     */
    public List<HostUpdate> release(BiPredicate<String, Generation> applied, Instant now) {
        if (barriers.isEmpty()) {
            return List.of();
        }
        barriers.removeIf(b -> b.satisfied(applied, now));
        Set<String> stillHeld = new TreeSet<>();
        barriers.forEach(b -> stillHeld.addAll(b.released()));
        List<HostUpdate> released = new ArrayList<>();
        for (String hostId : new ArrayList<>(held.keySet())) {
            if (!stillHeld.contains(hostId)) {
                released.addAll(held.remove(hostId));
            }
        }
        return released;
    }

    /** Forgets every barrier and queued update: a new epoch sends every host a FULL anyway. */
    public void clear() {
        held.clear();
        barriers.clear();
    }
}
