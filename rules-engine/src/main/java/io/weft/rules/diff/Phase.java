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
import java.util.List;

/**
 * The one place the apply order is written down: the diff sorts its operations by it and an agent
 * runs its tools in it. Things are created before what uses them (sets before the rules that match
 * on them, ports before the flows that name them) and removed after what used them is gone.
 *
 * <p>Most phases are where one kind of change is sorted ({@link Operation#phase()}) and written.
 * Three more are host work on operations sorted elsewhere, which the agent must do at a fixed
 * point too: the Linux half of a NIC ({@link #PLUG_NICS}, {@link #UNPLUG_NICS}) and tunnel
 * endpoint resolution ({@link #RESOLVE_TUNNEL_ENDPOINTS}). They are here rather than in the agent
 * so that there is no second order to keep in step with this one.
 *
 * <p>A tool that writes several phases in one atomic invocation needs them next to each other:
 * {@code ipset restore} (sets and members), {@code ovs-vsctl} (bridges and ports), {@code
 * iptables-restore} (chains written and deleted) and the OpenFlow bundle (flows written and
 * deleted). That is why chains are deleted right after they are written rather than after the
 * flows: the one restore transaction rewrites every reference to a chain before it deletes it, and
 * no flow names a chain.
 */
public enum Phase {
    CREATE_SETS(Change.UPSERT, IpSetEntry.class),
    ADD_MEMBERS(Change.UPSERT, IpSetMemberEntry.class),
    /**
     * The per-NIC Linux bridge, the veth pair and the tap enslaved to the bridge: none of it needs
     * OVS, and OVS plugs the veth's other end in {@link #CREATE_PORTS}. Acts on operations sorted
     * in {@link #CREATE_PORTS}.
     */
    PLUG_NICS(Change.UPSERT, Sorting.SORTED_ELSEWHERE, NicPortEntry.class),
    CREATE_BRIDGES(Change.UPSERT, BridgeEntry.class),
    CREATE_PORTS(Change.UPSERT, NicPortEntry.class, TunnelEntry.class, UplinkEntry.class),
    WRITE_CHAINS(Change.UPSERT, ChainEntry.class),
    DELETE_CHAINS(Change.REMOVE, ChainEntry.class),
    /**
     * A userspace datapath drops the first packet to a tunnel endpoint it has not resolved, so the
     * endpoints the new flows send to are resolved before the flows are written. Acts on
     * operations sorted in {@link #WRITE_FLOWS}.
     */
    RESOLVE_TUNNEL_ENDPOINTS(Change.UPSERT, Sorting.SORTED_ELSEWHERE, FlowEntry.class),
    WRITE_FLOWS(Change.UPSERT, FlowEntry.class),
    DELETE_FLOWS(Change.REMOVE, FlowEntry.class),
    DELETE_PORTS(Change.REMOVE, NicPortEntry.class, TunnelEntry.class, UplinkEntry.class),
    DELETE_BRIDGES(Change.REMOVE, BridgeEntry.class),
    /** Once the veth has left OVS, the NIC's bridge and veth pair go. Acts on operations sorted in {@link #DELETE_PORTS}. */
    UNPLUG_NICS(Change.REMOVE, Sorting.SORTED_ELSEWHERE, NicPortEntry.class),
    DELETE_MEMBERS(Change.REMOVE, IpSetMemberEntry.class),
    DELETE_SETS(Change.REMOVE, IpSetEntry.class);

    private enum Change {
        UPSERT,
        REMOVE
    }

    private enum Sorting {
        SORTED_HERE,
        SORTED_ELSEWHERE
    }

    private static final ClassValue<Phase> UPSERT_PHASES = new ClassValue<>() {
        @Override
        protected Phase computeValue(Class<?> kind) {
            return sortedHere(Change.UPSERT, kind);
        }
    };

    private static final ClassValue<Phase> REMOVE_PHASES = new ClassValue<>() {
        @Override
        protected Phase computeValue(Class<?> kind) {
            return sortedHere(Change.REMOVE, kind);
        }
    };

    private final Change change;
    private final Sorting sorting;
    private final List<Class<?>> kinds;

    Phase(Change change, Class<?>... kinds) {
        this(change, Sorting.SORTED_HERE, kinds);
    }

    Phase(Change change, Sorting sorting, Class<?>... kinds) {
        this.change = change;
        this.sorting = sorting;
        this.kinds = List.of(kinds);
    }

    /** Whether this phase does something for {@code operation}. */
    public boolean actsOn(Operation operation) {
        if (operation instanceof Operation.Upsert upsert) {
            return change == Change.UPSERT && isOfKind(upsert.entry());
        }
        return change == Change.REMOVE && isOfKind(((Operation.Remove) operation).previous());
    }

    /** The operations this phase acts on, in their order. */
    public List<Operation> select(List<Operation> operations) {
        return operations.stream().filter(this::actsOn).toList();
    }

    static Phase ofUpsert(DesiredEntry entry) {
        return UPSERT_PHASES.get(entry.getClass());
    }

    static Phase ofRemove(DesiredEntry entry) {
        return REMOVE_PHASES.get(entry.getClass());
    }

    private boolean isOfKind(DesiredEntry entry) {
        for (Class<?> kind : kinds) {
            if (kind.isInstance(entry)) {
                return true;
            }
        }
        return false;
    }

    /** Sorting looks the phase up by the entry's class once; the operations of a diff then compare cheaply. */
    private static Phase sortedHere(Change change, Class<?> kind) {
        for (Phase phase : values()) {
            if (phase.change == change
                    && phase.sorting == Sorting.SORTED_HERE
                    && phase.kinds.stream().anyMatch(candidate -> candidate.isAssignableFrom(kind))) {
                return phase;
            }
        }
        throw new IllegalArgumentException("no phase for " + change + " of " + kind.getName());
    }
}
