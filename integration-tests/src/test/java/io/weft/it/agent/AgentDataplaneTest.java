package io.weft.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.it.RealDataplane;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.lab.infra.Vm;
import io.weft.lab.infra.VmSpec;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.HostAck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Agents program three namespace hypervisors through the Linux driver from compiled models; real
 * packets then prove the overlay, the security groups and anti-spoofing. One lab for the class.
 *
 * <pre>
 * net-a VXLAN 5001, 10.10.0.0/24:  vm1 (hv1, .1)  vm2 (hv2, .2)  vm5 (hv2, .5)  vm6 (hv3, .6)
 * net-b GRE 7001,   10.10.0.0/24:  vm3 (hv1, .3)  vm4 (hv2, .4)   (another tenant, same CIDR)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentDataplaneTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final LabWorld.Network NET_A = new LabWorld.Network("net-a", new Segment(SegmentType.VXLAN, 5001));
    private static final LabWorld.Network NET_B = new LabWorld.Network("net-b", new Segment(SegmentType.GRE, 7001));

    private Lab lab;
    private Path stateRoot;
    private final LabWorld world = new LabWorld();
    private Hypervisor hv1;
    private Hypervisor hv2;
    private Hypervisor hv3;
    private Vm vm1;
    private Vm vm2;
    private Vm vm3;
    private Vm vm4;
    private Vm vm5;
    private Vm vm6;

    @BeforeAll
    void buildLabAndProgramIt() throws Exception {
        RealDataplane.requireOrSkip();
        stateRoot = Files.createTempDirectory("weft-agent-it");
        lab = Lab.start();
        hv1 = lab.addHypervisor("hv1");
        hv2 = lab.addHypervisor("hv2");
        hv3 = lab.addHypervisor("hv3");
        vm1 = lab.addVm(hv1, VmSpec.of("vm1", "tapvm1", "02:00:0a:0a:00:01", "10.10.0.1/24"));
        vm2 = lab.addVm(hv2, VmSpec.of("vm2", "tapvm2", "02:00:0a:0a:00:02", "10.10.0.2/24"));
        vm3 = lab.addVm(hv1, VmSpec.of("vm3", "tapvm3", "02:00:0b:0a:00:03", "10.10.0.3/24"));
        vm4 = lab.addVm(hv2, VmSpec.of("vm4", "tapvm4", "02:00:0b:0a:00:04", "10.10.0.4/24"));
        vm5 = lab.addVm(hv2, VmSpec.of("vm5", "tapvm5", "02:00:0a:0a:00:05", "10.10.0.5/24"));
        vm6 = lab.addVm(hv3, VmSpec.of("vm6", "tapvm6", "02:00:0a:0a:00:06", "10.10.0.6/24"));
        for (Hypervisor hv : List.of(hv1, hv2, hv3)) {
            world.addHost(hv, stateRoot.resolve(hv.name()));
        }
        defineGroups();
        world.place(vm1, NET_A, "sg-base", "sg-limited-egress");
        world.place(vm2, NET_A, "sg-base", "sg-server");
        world.place(vm3, NET_B, "sg-base");
        world.place(vm4, NET_B, "sg-base");
        world.place(vm5, NET_A, "sg-base", "sg-client", "sg-trusted");
        world.place(vm6, NET_A, "sg-base");
        world.hosts().forEach(LabWorld.HostSide::startAgent);
        world.sendFullToAll();
        for (LabWorld.HostSide side : world.hosts()) {
            HostAck ack = (HostAck) side.sent.stream()
                    .filter(HostAck.class::isInstance)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertEquals(AckStatus.APPLIED, ack.status(), () -> side.hypervisor + ": " + ack.error());
        }
        vm2.startTcpListener(7000);
        vm2.startTcpListener(7002);
        vm2.startTcpListener(7004);
        vm2.startUdpEcho(7001);
        vm2.startUdpEcho(7003);
    }

    /**
     * sg-base: ICMP in and out. sg-server (vm2): TCP 7000 from vm1's address only, TCP 7002 from
     * members of sg-trusted, TCP 7004 and UDP 7001 from anywhere, nothing for UDP 7003. A NIC's
     * rules are the union of its groups, so vm1's egress limit comes from sg-base plus its own group.
     */
    private void defineGroups() {
        world.defineGroup(new SecurityGroup(
                "sg-base",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        SecurityGroupRule.icmp(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                new IcmpMatch(IcmpMatch.ANY, IcmpMatch.ANY),
                                RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.icmp(
                                Direction.EGRESS,
                                IpFamily.IPV4,
                                new IcmpMatch(IcmpMatch.ANY, IcmpMatch.ANY),
                                RemoteSide.cidr("0.0.0.0/0")))));
        world.defineGroup(new SecurityGroup(
                "sg-server",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        tcp(Direction.INGRESS, 7000, RemoteSide.cidr("10.10.0.1/32")),
                        tcp(Direction.INGRESS, 7002, RemoteSide.group("sg-trusted")),
                        tcp(Direction.INGRESS, 7004, RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.UDP,
                                PortRange.single(7001),
                                RemoteSide.cidr("0.0.0.0/0")))));
        // vm1 may only open TCP 7000 and 7002 and send UDP; its TCP 7004 is stopped on the way out.
        world.defineGroup(new SecurityGroup(
                "sg-limited-egress",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        tcp(Direction.EGRESS, 7000, RemoteSide.cidr("0.0.0.0/0")),
                        tcp(Direction.EGRESS, 7002, RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.of(
                                Direction.EGRESS, IpFamily.IPV4, Protocol.UDP, RemoteSide.cidr("0.0.0.0/0")))));
        // A group without rules: membership alone decides who may reach vm2's TCP 7002.
        world.defineGroup(new SecurityGroup("sg-trusted", EgressDefault.EXPLICIT_RULES_ONLY, List.of()));
        // vm5's own group: everything out, no rules in (it only talks to vm2).
        world.defineGroup(new SecurityGroup(
                "sg-client",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4))));
    }

    private static SecurityGroupRule tcp(Direction direction, int port, RemoteSide remote) {
        return SecurityGroupRule.ports(direction, IpFamily.IPV4, Protocol.TCP, PortRange.single(port), remote);
    }

    @AfterAll
    void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (stateRoot != null) {
            try (var files = Files.walk(stateRoot)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static boolean pings(Vm from, Vm to) {
        return from.ping(to.ipv4Address(), 2, Duration.ofMillis(200), WAIT).anyReceived();
    }

    @Test
    @Order(1)
    void vmsOfOneNetworkOnDifferentHypervisorsReachEachOtherOverVxlan() {
        assertTrue(pings(vm1, vm2), "vm1 (hv1) -> vm2 (hv2) over VXLAN");
        assertTrue(pings(vm6, vm1), "vm6 (hv3) -> vm1 (hv1) over VXLAN");
        assertTrue(pings(vm2, vm5), "vm2 -> vm5, both on hv2");
    }

    @Test
    @Order(2)
    void vmsOfOneNetworkReachEachOtherOverGre() {
        assertTrue(pings(vm3, vm4), "vm3 (hv1) -> vm4 (hv2) over GRE");
    }

    @Test
    @Order(3)
    void twoTenantsNetworksWithTheSameCidrStayIsolated() {
        assertFalse(pings(vm1, vm4), "net-a vm1 must not reach net-b vm4");
        assertFalse(pings(vm3, vm2), "net-b vm3 must not reach net-a vm2");
        assertFalse(pings(vm3, vm1), "net-b vm3 must not reach net-a vm1 on its own hypervisor");
    }

    @Test
    @Order(4)
    void oneTunnelPortPerTunnelTypePerHostWhateverTheNumberOfPeers() {
        // hv1 has two VXLAN peers (hv2, hv3) and one GRE peer.
        String types = hv1.vsctl("--format=csv", "--no-headings", "--columns=type", "list", "Interface")
                .stdout();
        List<String> lines = Arrays.stream(types.split("\n")).map(String::strip).toList();
        assertEquals(1, lines.stream().filter("vxlan"::equals).count(), types);
        assertEquals(1, lines.stream().filter("gre"::equals).count(), types);
    }

    @Test
    @Order(5)
    void observedReachabilityEqualsWhatTheSecurityGroupsSay() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Map<String, Boolean> observed = new LinkedHashMap<>();
        probe(expected, observed, "vm1 icmp vm2 (ingress any icmp)", true, pings(vm1, vm2));
        probe(
                expected,
                observed,
                "vm1 tcp 7000 (cidr rule matches vm1; return traffic by conntrack)",
                true,
                vm1.tcpConnect(vm2.ipv4Address(), 7000, WAIT));
        probe(
                expected,
                observed,
                "vm5 tcp 7000 (cidr rule does not match vm5)",
                false,
                vm5.tcpConnect(vm2.ipv4Address(), 7000, WAIT));
        probe(
                expected,
                observed,
                "vm5 tcp 7002 (vm5 is in sg-trusted)",
                true,
                vm5.tcpConnect(vm2.ipv4Address(), 7002, WAIT));
        probe(
                expected,
                observed,
                "vm1 tcp 7002 (vm1 is not in sg-trusted)",
                false,
                vm1.tcpConnect(vm2.ipv4Address(), 7002, WAIT));
        probe(expected, observed, "vm5 tcp 7004 (any source)", true, vm5.tcpConnect(vm2.ipv4Address(), 7004, WAIT));
        probe(
                expected,
                observed,
                "vm1 tcp 7004 (vm1's egress allows only 7000/7002)",
                false,
                vm1.tcpConnect(vm2.ipv4Address(), 7004, WAIT));
        probe(
                expected,
                observed,
                "vm1 udp 7001 (any source; reply by conntrack)",
                true,
                vm1.udpProbe(vm2.ipv4Address(), 7001, WAIT));
        probe(expected, observed, "vm5 udp 7003 (no rule)", false, vm5.udpProbe(vm2.ipv4Address(), 7003, WAIT));
        probe(
                expected,
                observed,
                "vm6 tcp 7004 (vm6 has no tcp egress)",
                false,
                vm6.tcpConnect(vm2.ipv4Address(), 7004, WAIT));
        probe(expected, observed, "vm2 icmp vm1 (vm2 has icmp egress, vm1 icmp ingress)", true, pings(vm2, vm1));
        assertEquals(expected, observed);
    }

    private static void probe(
            Map<String, Boolean> expected, Map<String, Boolean> observed, String what, boolean allowed, boolean got) {
        expected.put(what, allowed);
        observed.put(what, got);
    }

    @Test
    @Order(6)
    void changingGroupMembershipChangesReachabilityButNotTheChains() {
        assertFalse(vm1.tcpConnect(vm2.ipv4Address(), 7002, WAIT));
        Map<Hypervisor, String> chainsBefore = new LinkedHashMap<>();
        for (Hypervisor hv : List.of(hv1, hv2, hv3)) {
            chainsBefore.put(hv, ourChains(hv));
        }
        String setName = WeftNames.groupSet("sg-trusted", IpFamily.IPV4);
        String setBefore = hv2.exec("ipset", "save", setName).stdout();

        world.regroup(vm1, "sg-base", "sg-limited-egress", "sg-trusted");
        var deltas = world.sendDeltas();
        assertFalse(deltas.isEmpty());
        for (var delta : deltas) {
            assertTrue(
                    delta.upserts().stream().allMatch(entry -> entry.kind().equals("ipset-member")),
                    () -> "only set members change: " + delta.upserts());
        }

        assertTrue(vm1.tcpConnect(vm2.ipv4Address(), 7002, WAIT), "vm1 joined sg-trusted");
        for (Hypervisor hv : List.of(hv1, hv2, hv3)) {
            assertEquals(chainsBefore.get(hv), ourChains(hv), "chains of " + hv.name() + " are byte-identical");
        }
        assertNotEquals(setBefore, hv2.exec("ipset", "save", setName).stdout());

        world.regroup(vm1, "sg-base", "sg-limited-egress");
        world.sendDeltas();
        assertFalse(vm1.tcpConnect(vm2.ipv4Address(), 7002, WAIT), "vm1 left sg-trusted");
    }

    @Test
    @Order(7)
    void reapplyingAnUnchangedStateRunsNoDataplaneWrite() {
        for (LabWorld.HostSide side : world.hosts()) {
            long writes = side.dataplane.writeCount();
            world.resendLastFull(side);
            side.agent.reconcile();
            assertEquals(writes, side.dataplane.writeCount(), side.hypervisor.name());
            assertTrue(StateDiff.diff(side.dataplane.readBack().state(), side.lastSent.state())
                    .isEmpty());
        }
    }

    @Test
    @Order(8)
    void aVmSendingFromAForgedIpIsDropped() {
        assertTrue(pings(vm1, vm2));
        vm1.addAddress("10.10.0.99/24");
        try {
            assertFalse(
                    vm1.pingFrom("10.10.0.99", vm2.ipv4Address(), 2, Duration.ofMillis(200), WAIT)
                            .anyReceived(),
                    "forged source address");
        } finally {
            vm1.removeAddress("10.10.0.99/24");
        }
        assertTrue(pings(vm1, vm2));
    }

    @Test
    @Order(9)
    void aVmSendingFromAForgedMacIsDropped() {
        vm5.setMac("02:00:0a:0a:00:99");
        try {
            assertFalse(pings(vm5, vm2), "forged source MAC");
        } finally {
            vm5.setMac(vm5.mac());
        }
        vm5.exec("ip", "neigh", "flush", "all");
        vm2.exec("ip", "neigh", "flush", "all");
        assertTrue(pings(vm5, vm2));
    }

    private static String ourChains(Hypervisor hv) {
        List<String> ours = new ArrayList<>();
        for (String line : hv.exec("iptables-save", "-t", "filter").stdout().split("\n")) {
            if (line.startsWith("-A weft-") || line.startsWith(":weft-")) {
                ours.add(line.startsWith(":") ? line.substring(0, line.indexOf(' ')) : line);
            }
        }
        return String.join("\n", ours);
    }
}
