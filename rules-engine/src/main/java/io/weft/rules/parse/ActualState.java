package io.weft.rules.parse;

import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * What a host holds, as read back by the parsers, assembled into the same shape as the desired
 * state so that {@link io.weft.rules.diff.StateDiff} can compare them key by key.
 */
public final class ActualState {
    private ActualState() {}

    public static HostDesiredState assemble(
            IptablesReadback ipv4,
            IptablesReadback ipv6,
            Collection<? extends DesiredEntry> ipsets,
            Collection<? extends DesiredEntry> flows,
            Collection<? extends DesiredEntry> ovsdb) {
        List<DesiredEntry> all = new ArrayList<>(ipsets);
        all.addAll(ipv4.chains());
        all.addAll(ipv6.chains());
        all.addAll(flows);
        all.addAll(ovsdb);
        // Last one wins on a duplicate key: the dataplane may hold the same thing twice, the model cannot.
        TreeMap<String, DesiredEntry> entries = new TreeMap<>();
        all.forEach(entry -> entries.put(entry.key(), entry));
        return new HostDesiredState(entries);
    }
}
