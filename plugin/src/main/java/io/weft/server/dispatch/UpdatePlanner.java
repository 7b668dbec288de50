package io.weft.server.dispatch;

import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.StateChange;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Turns "this host should now hold that state" into the smallest update: a keyed DELTA on top of
 * what was last sent, or nothing when nothing differs. Pure.
 */
public final class UpdatePlanner {
    private UpdatePlanner() {}

    /** A DELTA from {@code sent} to {@code desired} at the next generation, if they differ. */
    public static Optional<HostUpdate> delta(String hostId, SentState sent, HostDesiredState desired) {
        // Shared member blocks compare by identity: an unchanged group set costs nothing here.
        StateChange change = StateChange.between(sent.state(), desired);
        if (change.isEmpty()) {
            return Optional.empty();
        }
        List<WireEntry> upserts = new ArrayList<>();
        change.upserts().values().forEach(entry -> upserts.add(toWire(entry)));
        List<String> deletes = List.copyOf(change.removals().keySet());
        Generation base = sent.generation();
        return Optional.of(new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                hostId,
                base.next(),
                base,
                UpdateKind.DELTA,
                upserts,
                deletes,
                desired.hash()));
    }

    /**
     * A DELTA of known changes from {@code sent} to {@code desired}, which they must lead to: the
     * same message {@link #delta(String, SentState, HostDesiredState)} gives for the two states
     * (upserts and deletes in key order), without comparing them whole. {@code upserts} must hold
     * only entries that differ from what was sent, {@code deletes} only keys that were sent.
     */
    public static Optional<HostUpdate> delta(
            String hostId,
            SentState sent,
            SortedMap<String, ? extends DesiredEntry> upserts,
            SortedSet<String> deletes,
            HostDesiredState desired) {
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return Optional.empty();
        }
        Generation base = sent.generation();
        return Optional.of(new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                hostId,
                base.next(),
                base,
                UpdateKind.DELTA,
                upserts.values().stream().map(UpdatePlanner::toWire).toList(),
                List.copyOf(deletes),
                desired.hash()));
    }

    /**
     * An empty DELTA that moves a host holding {@code base} with {@code hash} to {@code generation}
     * without changing its state: the agent takes it only if it holds exactly that.
     */
    public static HostUpdate rebase(String hostId, Generation base, Generation generation, String hash) {
        return new HostUpdate(
                HostMessage.SCHEMA_VERSION, hostId, generation, base, UpdateKind.DELTA, List.of(), List.of(), hash);
    }

    /** The whole state as a FULL update at {@code generation}. */
    public static HostUpdate full(String hostId, Generation generation, HostDesiredState desired) {
        List<WireEntry> upserts = new ArrayList<>(desired.size());
        desired.forEachEntry(entry -> upserts.add(toWire(entry)));
        return new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                hostId,
                generation,
                Generation.NONE,
                UpdateKind.FULL,
                upserts,
                List.of(),
                desired.hash());
    }

    static WireEntry toWire(DesiredEntry entry) {
        return new WireEntry(entry.kind(), entry.canonicalFields());
    }
}
