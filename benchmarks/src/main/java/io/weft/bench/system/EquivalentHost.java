package io.weft.bench.system;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioFleet;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntries;
import io.weft.server.dispatch.DispatchPlanner;
import io.weft.server.dispatch.FleetModel;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.WireEntry;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Weft programs on the host OVN runs its real ovn-controller on (scenario host 0): the
 * entries of its whole state by kind (chains, sets and members, flows, ports, tunnel), the rules in
 * its chains, and the size of the FULL message that carries them, beside OVN's OpenFlow count on that host.
 */
record EquivalentHost(String host, Map<String, Long> entriesByKind, long chainRules, long fullMessageBytes) {

    static EquivalentHost of(Scenario scenario) {
        String host = scenario.host(0).name();
        DispatchPlanner planner = new DispatchPlanner(1, FleetModel.of(ScenarioFleet.changes(scenario)));
        HostUpdate full = planner.full(host).orElseThrow(() -> new IllegalStateException(host + " has no state"));
        Map<String, Long> byKind = new TreeMap<>();
        long rules = 0;
        for (WireEntry entry : full.upserts()) {
            byKind.merge(entry.kind(), 1L, Long::sum);
            if (DesiredEntries.fromCanonicalFields(entry.kind(), entry.fields()) instanceof ChainEntry chain) {
                rules += chain.rules().size();
            }
        }
        return new EquivalentHost(host, byKind, rules, new HostMessageCodec().encodeBytes(full).length);
    }

    long count(String kind) {
        return entriesByKind.getOrDefault(kind, 0L);
    }
}
