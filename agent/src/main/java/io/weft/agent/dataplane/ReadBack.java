package io.weft.agent.dataplane;

import static java.util.Objects.requireNonNull;

import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.PortCounters;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One read-back of our part of the dataplane: the state as entries, how many jumps to our top
 * chain the host's FORWARD holds per family (the renderer needs it to leave exactly one), which
 * network devices exist (taps among them), and the per-port packet counters of our NIC ports, keyed by NIC id.
 */
public record ReadBack(
        HostDesiredState state,
        Map<String, Integer> topChainJumps,
        Set<String> devices,
        SortedMap<String, PortCounters> portCounters) {
    public ReadBack {
        requireNonNull(state, "state is null");
        topChainJumps = Map.copyOf(requireNonNull(topChainJumps, "topChainJumps is null"));
        devices = Set.copyOf(requireNonNull(devices, "devices is null"));
        portCounters = java.util.Collections.unmodifiableSortedMap(
                new TreeMap<>(requireNonNull(portCounters, "portCounters is null")));
    }

    public int topChainJumps(String family) {
        return topChainJumps.getOrDefault(family, 0);
    }
}
