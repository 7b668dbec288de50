package io.weft.bench.system.ovn;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioShape;
import java.util.List;

/**
 * A hand-written cloud small enough to state its OVN rows in full: two hosts on two networks, a NIC
 * each, the big group and the front group (whose rule admits the big group), and one ordinary
 * group holding a rule of every other kind.
 */
final class TinyScenarios {
    private TinyScenarios() {}

    static final ScenarioShape SHAPE = new ScenarioShape("tiny", 2, 1, 1, 3, 4, 2, 5, 1);

    static Scenario twoHosts() {
        return new Scenario(
                SHAPE,
                7,
                List.of(new Scenario.Host(0, "hv-00000", "100.64.0.1"), new Scenario.Host(1, "hv-00001", "100.64.0.2")),
                List.of(
                        new Scenario.Network(0, "net-00000", "10.0.0.0/24", "10.0.0.1", 5000),
                        new Scenario.Network(1, "net-00001", "10.0.1.0/24", "10.0.1.1", 5001)),
                List.of(
                        new Scenario.Group(
                                0, "tenant-default", List.of(new Scenario.Rule(true, "all", -1, -1, "0.0.0.0/0", -1))),
                        new Scenario.Group(1, "front", List.of(new Scenario.Rule(true, "tcp", 8080, 8080, null, 0))),
                        new Scenario.Group(
                                2,
                                "sg-00002",
                                List.of(
                                        new Scenario.Rule(false, "udp", 10_000, 10_009, "172.16.3.0/24", -1),
                                        new Scenario.Rule(true, "icmp", 8, 0, "192.0.2.1/32", -1),
                                        new Scenario.Rule(false, "tcp", 443, 443, null, 1)))),
                List.of(
                        new Scenario.Nic(0, "vm-000000", 0, 0, "10.0.0.2", "02:00:00:00:00:01", List.of(0, 1)),
                        new Scenario.Nic(1, "vm-000001", 1, 1, "10.0.1.2", "02:00:00:00:01:01", List.of(0, 2))));
    }
}
