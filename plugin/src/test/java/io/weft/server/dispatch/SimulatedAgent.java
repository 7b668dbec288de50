package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.state.DesiredEntries;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.util.Map;
import java.util.TreeMap;

/** Applies updates the way an agent does, from the wire form, insisting on gap-free DELTAs. */
final class SimulatedAgent {
    private Generation applied = Generation.NONE;
    private HostDesiredState state = HostDesiredState.empty();

    void apply(HostUpdate update) {
        Map<String, DesiredEntry> entries = new TreeMap<>();
        if (update.kind() == UpdateKind.DELTA) {
            assertThat(update.base()).as("delta base for %s", update.hostId()).isEqualTo(applied);
            entries.putAll(state.entries());
            update.deletes().forEach(entries::remove);
        }
        for (WireEntry wire : update.upserts()) {
            DesiredEntry entry = DesiredEntries.fromCanonicalFields(wire.kind(), wire.fields());
            entries.put(entry.key(), entry);
        }
        state = HostDesiredState.fromEntries(entries);
        assertThat(state.hash()).as("hash after %s", update.generation()).isEqualTo(update.desiredHash());
        applied = update.generation();
    }

    Generation applied() {
        return applied;
    }

    HostDesiredState state() {
        return state;
    }
}
