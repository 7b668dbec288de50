package io.weft.agent.state;

import io.weft.rules.state.DesiredEntries;
import io.weft.rules.state.DesiredEntry;
import io.weft.spec.host.WireEntry;

/** Converts entries between the rules-engine's records and their wire form. */
public final class WireEntries {
    private WireEntries() {}

    public static DesiredEntry fromWire(WireEntry wire) {
        return DesiredEntries.fromCanonicalFields(wire.kind(), wire.fields());
    }

    public static WireEntry toWire(DesiredEntry entry) {
        return new WireEntry(entry.kind(), entry.canonicalFields());
    }
}
