package io.weft.rules.diff;

import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import io.weft.rules.state.UplinkEntry;

/**
 * The one place the apply order is written down. Things are created before what uses them (sets
 * before the rules that match on them, ports before the flows that name them) and removed after
 * what used them is gone.
 */
public enum Phase {
    CREATE_SETS,
    ADD_MEMBERS,
    CREATE_BRIDGES,
    CREATE_PORTS,
    WRITE_CHAINS,
    WRITE_FLOWS,
    DELETE_FLOWS,
    DELETE_CHAINS,
    DELETE_PORTS,
    DELETE_BRIDGES,
    DELETE_MEMBERS,
    DELETE_SETS;

    static Phase ofUpsert(DesiredEntry entry) {
        if (entry instanceof IpSetEntry) {
            return CREATE_SETS;
        } else if (entry instanceof IpSetMemberEntry) {
            return ADD_MEMBERS;
        } else if (entry instanceof BridgeEntry) {
            return CREATE_BRIDGES;
        } else if (entry instanceof NicPortEntry || entry instanceof TunnelEntry || entry instanceof UplinkEntry) {
            return CREATE_PORTS;
        } else if (entry instanceof ChainEntry) {
            return WRITE_CHAINS;
        } else if (entry instanceof FlowEntry) {
            return WRITE_FLOWS;
        }
        throw new IllegalArgumentException("unknown entry " + entry.kind());
    }

    static Phase ofRemove(DesiredEntry entry) {
        if (entry instanceof IpSetEntry) {
            return DELETE_SETS;
        } else if (entry instanceof IpSetMemberEntry) {
            return DELETE_MEMBERS;
        } else if (entry instanceof BridgeEntry) {
            return DELETE_BRIDGES;
        } else if (entry instanceof NicPortEntry || entry instanceof TunnelEntry || entry instanceof UplinkEntry) {
            return DELETE_PORTS;
        } else if (entry instanceof ChainEntry) {
            return DELETE_CHAINS;
        } else if (entry instanceof FlowEntry) {
            return DELETE_FLOWS;
        }
        throw new IllegalArgumentException("unknown entry " + entry.kind());
    }
}
