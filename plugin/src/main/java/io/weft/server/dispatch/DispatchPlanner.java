package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.compile.HostCompiler;
import io.weft.rules.model.HostModel;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher's pure core: applies a batch of fleet changes, brings only the hosts they touch up
 * to date, and returns one update per host whose state really changed — a DELTA on top of what
 * that host was last sent, or a FULL for a host that was never sent anything in this epoch. Hosts
 * touched by a tightening change come first, so access is revoked before new access is granted.
 *
 * <p>Two ways to bring a host up to date, chosen per host from the batch's {@link FleetReach}es: a
 * host whose own NICs, networks, peers or group rules changed is recompiled whole; a host that
 * only references groups whose members changed keeps what it was sent and has those sets'
 * members patched ({@link GroupSetPatch}). A membership change thus costs the referencing hosts
 * O(changed members × log state), not a compile of states holding every member. Both ways end in
 * the same state; {@link #recompilingEveryHost} turns the patch off, for tests that prove it.
 * Not thread-safe: one dispatcher thread owns it.
 */
public final class DispatchPlanner {
    private final long epoch;
    private final boolean patchGroupSets;
    private FleetModel fleet;
    private final Map<String, SentState> sent = new HashMap<>();
    /**
     * States compiled ahead by {@link #prepare} for hosts sent nothing yet, each what a compile of
     * the fleet now gives: a host's entry goes when a change reaches it, and is taken by the first
     * FULL or adoption, which then need not compile.
     */
    private final Map<String, HostDesiredState> ready = new HashMap<>();

    public DispatchPlanner(long epoch, FleetModel fleet) {
        this(epoch, fleet, true);
    }

    private DispatchPlanner(long epoch, FleetModel fleet, boolean patchGroupSets) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be positive, not " + epoch);
        }
        this.epoch = epoch;
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.patchGroupSets = patchGroupSets;
    }

    /** A planner that recompiles every reached host whole: the reference the fast path must match. */
    static DispatchPlanner recompilingEveryHost(long epoch, FleetModel fleet) {
        return new DispatchPlanner(epoch, fleet, false);
    }

    public FleetModel fleet() {
        return fleet;
    }

    public long epoch() {
        return epoch;
    }

    /** Applies the changes in order and plans the coalesced updates: at most one per host. */
    public List<HostUpdate> apply(List<? extends FleetChange> changes) {
        return plan(changes).updates();
    }

    /** Like {@link #apply}, also saying which hosts each change reached. */
    public DispatchPlan plan(List<? extends FleetChange> changes) {
        Set<String> tightened = new TreeSet<>();
        Set<String> loosened = new TreeSet<>();
        List<Set<String>> reached = new ArrayList<>();
        FleetReach.Builder batch = new FleetReach.Builder();
        for (FleetChange change : changes) {
            FleetReach reach = change.apply(fleet);
            batch.add(reach);
            Set<String> affected = reach.hosts();
            ready.keySet().removeAll(affected);
            reached.add(affected);
            (change.tightens() ? tightened : loosened).addAll(affected);
        }
        Set<String> ordered = new LinkedHashSet<>(tightened);
        ordered.addAll(loosened);

        FleetReach all = batch.build();
        // Computed once for the batch, after all its changes: each address is judged as it ends.
        GroupSetPatch patch =
                patchGroupSets ? GroupSetPatch.of(all.memberAddresses(), fleet.index()) : GroupSetPatch.none();
        List<HostUpdate> updates = new ArrayList<>();
        Set<String> recompiled = new TreeSet<>();
        Set<String> patched = new TreeSet<>();
        for (String hostId : ordered) {
            if (canPatch(hostId, all)) {
                patched.add(hostId);
                patchHost(hostId, patch).ifPresent(updates::add);
            } else {
                recompiled.add(hostId);
                planHost(hostId).ifPresent(updates::add);
            }
        }
        return new DispatchPlan(updates, reached, recompiled, patched);
    }

    /**
     * Replaces the whole fleet (after a bulk change such as an account's deletion) and plans an
     * update for every host whose state differs from what it was sent.
     */
    public List<HostUpdate> reload(List<? extends FleetChange> everything) {
        Set<String> before = fleet.hostIds();
        fleet = FleetModel.of(everything); // every host is planned below, so no change's reach is needed
        ready.clear();
        Set<String> hosts = new TreeSet<>(before);
        hosts.addAll(fleet.hostIds());
        List<HostUpdate> updates = new ArrayList<>();
        for (String hostId : hosts) {
            planHost(hostId).ifPresent(updates::add);
        }
        return updates;
    }

    /**
     * Compiles every host that was sent nothing yet and holds its state ready, so that a start or a
     * take-over has every host's state (and hash) in hand before any agent reports, and builds a
     * host's FULL message only when that host needs one: a FULL of a host holding a big group set
     * is megabytes of entries, which a host whose agent is in sync never needs. Returns how many
     * hosts are ready.
     */
    public int prepare() {
        List<String> pending = fleet.hostIds().stream()
                .filter(hostId -> !sent.containsKey(hostId) && !ready.containsKey(hostId))
                .toList();
        // A compile only reads the fleet once the index's lazily made member lists and blocks exist,
        // so those are made here, on this thread; then the hosts compile on every core. Each state
        // depends on the fleet alone, so the outcome is the same in any order.
        fleet.index().prepareMemberCaches();
        Map<String, HostDesiredState> compiled = new ConcurrentHashMap<>();
        pending.parallelStream().forEach(hostId -> compile(hostId).ifPresent(state -> compiled.put(hostId, state)));
        ready.putAll(compiled);
        return ready.size();
    }

    /** The host's whole state as a FULL at a new generation; for start, resync and lost acks. */
    public Optional<HostUpdate> full(String hostId) {
        Optional<HostDesiredState> desired = current(hostId);
        if (desired.isEmpty()) {
            return Optional.empty();
        }
        Generation generation = nextGeneration(hostId);
        sent.put(hostId, new SentState(generation, desired.get()));
        return Optional.of(UpdatePlanner.full(hostId, generation, desired.get()));
    }

    /**
     * What a new leader sends a host whose agent reports holding generation {@code applied} with
     * state hash {@code appliedHash}. When that is exactly the host's state now, an empty DELTA on
     * the agent's own generation moves it into this epoch: a few hundred bytes and no dataplane
     * change, where a FULL would carry the host's whole state. Otherwise a FULL.
     */
    public Optional<HostUpdate> adopt(String hostId, Generation applied, String appliedHash) {
        Optional<HostDesiredState> desired = current(hostId);
        if (desired.isEmpty()) {
            return Optional.empty();
        }
        Generation generation = nextGeneration(hostId);
        if (!generation.isAfter(applied) || !desired.get().hash().equals(appliedHash)) {
            return full(hostId);
        }
        sent.put(hostId, new SentState(generation, desired.get()));
        return Optional.of(UpdatePlanner.rebase(hostId, applied, generation, appliedHash));
    }

    private Generation nextGeneration(String hostId) {
        return Optional.ofNullable(sent.get(hostId))
                .map(s -> s.generation().next())
                .orElse(new Generation(epoch, 1));
    }

    /** What the host was last sent in this epoch, if anything. */
    public Optional<SentState> sent(String hostId) {
        return Optional.ofNullable(sent.get(hostId));
    }

    /** The host's state now: the one {@link #prepare} made, taken once, or a compile. */
    private Optional<HostDesiredState> current(String hostId) {
        HostDesiredState prepared = ready.remove(hostId);
        return prepared != null && fleet.host(hostId).isPresent() ? Optional.of(prepared) : compile(hostId);
    }

    /** A fresh compile of the host from the current fleet, bypassing everything incremental. */
    public Optional<HostDesiredState> compile(String hostId) {
        Optional<HostModel> model = HostModelBuilder.build(fleet, hostId);
        CalculationIndex index = fleet.index();
        // The model's members come from the same index, so its shared block is the one compile would build.
        return model.map(m ->
                HostCompiler.compile(m, (groupId, family, setName, members) -> index.memberBlock(groupId, family)));
    }

    /**
     * A host may be patched when nothing but group members reached it, and it holds what it was
     * sent (a host never sent anything gets a FULL; one that is gone is forgotten by planHost).
     */
    private boolean canPatch(String hostId, FleetReach reach) {
        return patchGroupSets
                && !reach.recompile().contains(hostId)
                && sent.containsKey(hostId)
                && fleet.host(hostId).isPresent();
    }

    private Optional<HostUpdate> patchHost(String hostId, GroupSetPatch patch) {
        SentState previous = sent.get(hostId);
        GroupSetPatch.HostEdit edit = patch.editFor(previous.state());
        if (edit.isEmpty()) {
            return Optional.empty();
        }
        HostDesiredState desired = edit.applyTo(previous.state());
        Optional<HostUpdate> delta = UpdatePlanner.delta(hostId, previous, edit.upserts(), edit.deletes(), desired);
        delta.ifPresent(update -> sent.put(hostId, new SentState(update.generation(), desired)));
        return delta;
    }

    private Optional<HostUpdate> planHost(String hostId) {
        SentState previous = sent.get(hostId);
        if (previous == null) {
            return full(hostId);
        }
        Optional<HostDesiredState> desired = compile(hostId);
        if (desired.isEmpty()) {
            sent.remove(hostId); // the host is gone
            return Optional.empty();
        }
        Optional<HostUpdate> delta = UpdatePlanner.delta(hostId, previous, desired.get());
        delta.ifPresent(update -> sent.put(hostId, new SentState(update.generation(), desired.get())));
        return delta;
    }
}
