package io.weft.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.core.AgentRuntime;
import io.weft.it.RealDataplane;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.lab.infra.PingResult;
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
import io.weft.rules.state.WeftCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Someone else changes what the agents own, and an agent is killed and replaced under traffic:
 * the periodic resync puts everything back, and the restart loses no packet (fail-static).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentDriftAndRestartTest {
    private static final Duration RESYNC = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final LabWorld.Network NET = new LabWorld.Network("net-a", new Segment(SegmentType.VXLAN, 6001));

    private Lab lab;
    private Path stateRoot;
    private final LabWorld world = new LabWorld();
    private final List<AgentRuntime> runtimes = new ArrayList<>();
    private Hypervisor hv1;
    private Hypervisor hv2;
    private Vm vm1;
    private Vm vm2;

    @BeforeAll
    void buildLab() throws Exception {
        RealDataplane.requireOrSkip();
        stateRoot = Files.createTempDirectory("weft-agent-drift");
        lab = Lab.start();
        hv1 = lab.addHypervisor("hv1");
        hv2 = lab.addHypervisor("hv2");
        vm1 = lab.addVm(hv1, VmSpec.of("vm1", "tapvm1", "02:00:0a:0b:00:01", "10.11.0.1/24"));
        vm2 = lab.addVm(hv2, VmSpec.of("vm2", "tapvm2", "02:00:0a:0b:00:02", "10.11.0.2/24"));
        world.addHost(hv1, stateRoot.resolve("hv1"));
        world.addHost(hv2, stateRoot.resolve("hv2"));
        // ICMP in and out for all; vm2 accepts TCP 7000 from members of sg-clients only.
        world.defineGroup(new SecurityGroup(
                "sg-all",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(-1, -1), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4))));
        world.defineGroup(new SecurityGroup(
                "sg-server",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(7000),
                        RemoteSide.group("sg-clients")))));
        world.defineGroup(new SecurityGroup("sg-clients", EgressDefault.EXPLICIT_RULES_ONLY, List.of()));
        world.place(vm1, NET, "sg-all", "sg-clients");
        world.place(vm2, NET, "sg-all", "sg-server");
        world.hosts().forEach(LabWorld.HostSide::startAgent);
        world.sendFullToAll();
        for (LabWorld.HostSide side : world.hosts()) {
            AgentRuntime runtime = new AgentRuntime(side.agent, new NoTransport(), RESYNC, RESYNC);
            runtime.start();
            runtimes.add(runtime);
        }
        vm2.startTcpListener(7000);
        vm2.startTcpListener(7001);
    }

    @AfterAll
    void tearDown() throws Exception {
        runtimes.forEach(AgentRuntime::close);
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

    private void assertTrafficAsTheRulesSay() {
        assertTrue(vm1.ping(vm2.ipv4Address(), 2, Duration.ofMillis(200), WAIT).anyReceived(), "icmp");
        assertTrue(vm1.tcpConnect(vm2.ipv4Address(), 7000, WAIT), "tcp 7000 from a member of sg-clients");
        assertFalse(vm1.tcpConnect(vm2.ipv4Address(), 7001, WAIT), "tcp 7001 has no rule");
    }

    /** Waits at most one resync period plus the time one pass takes for the host to match again. */
    private void assertRepairedWithinOneResyncPeriod(LabWorld.HostSide side, long repairsBefore) throws Exception {
        long deadline = System.nanoTime() + RESYNC.plusSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (side.agent.driftRepairs() > repairsBefore
                    && StateDiff.diff(side.dataplane.readBack().state(), side.lastSent.state())
                            .isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(side.hypervisor.name() + " was not repaired within " + RESYNC);
    }

    @Test
    @Order(1)
    void trafficFollowsTheRulesOnceProgrammed() {
        assertTrafficAsTheRulesSay();
    }

    @Test
    @Order(2)
    void aFlushedChainIsRepairedWithinOneResyncPeriod() throws Exception {
        LabWorld.HostSide side = world.host(hv2);
        long repairs = side.agent.driftRepairs();
        hv2.exec("iptables", "-F", WeftNames.ingressChain("nic-vm2"));
        assertTrue(vm1.tcpConnect(vm2.ipv4Address(), 7001, WAIT), "an empty chain lets everything through");
        assertRepairedWithinOneResyncPeriod(side, repairs);
        assertTrafficAsTheRulesSay();
    }

    @Test
    @Order(3)
    void aFlushedSetIsRepairedWithinOneResyncPeriod() throws Exception {
        LabWorld.HostSide side = world.host(hv2);
        long repairs = side.agent.driftRepairs();
        String set = WeftNames.groupSet("sg-clients", IpFamily.IPV4);
        // The kernel refuses to destroy a set a rule references, so flush it instead.
        assertFalse(hv2.tryExec("ipset", "destroy", set).succeeded());
        hv2.exec("ipset", "flush", set);
        assertRepairedWithinOneResyncPeriod(side, repairs);
        assertTrafficAsTheRulesSay();
    }

    @Test
    @Order(4)
    void deletedFlowsAreRepairedWithinOneResyncPeriod() throws Exception {
        LabWorld.HostSide side = world.host(hv1);
        long repairs = side.agent.driftRepairs();
        hv1.ofctl("-O", "OpenFlow13", "del-flows", LabWorld.BRIDGE, WeftCookie.DUMP_FILTER);
        assertFalse(vm1.ping(vm2.ipv4Address(), 1, Duration.ofMillis(200), Duration.ofSeconds(1))
                .anyReceived());
        assertRepairedWithinOneResyncPeriod(side, repairs);
        assertTrafficAsTheRulesSay();
    }

    @Test
    @Order(5)
    void restartingAnAgentUnderTrafficLosesNoPacket() throws Exception {
        LabWorld.HostSide side = world.host(hv1);
        CompletableFuture<PingResult> ping = CompletableFuture.supplyAsync(
                () -> vm1.ping(vm2.ipv4Address(), 400, Duration.ofMillis(10), Duration.ofSeconds(2)));
        Thread.sleep(500);
        // Abrupt stop: the old agent just ceases to run; nothing is cleaned up or flushed.
        runtimes.get(0).close();
        side.startAgent();
        world.resendLastFull(side);
        AgentRuntime restarted = new AgentRuntime(side.agent, new NoTransport(), RESYNC, RESYNC);
        restarted.start();
        runtimes.set(0, restarted);
        PingResult result = ping.get();
        assertEquals(400, result.sent());
        assertEquals(result.sent(), result.received(), "packets lost during the restart");
        assertEquals(0, side.dataplane.writeCount(), "the new agent found nothing to change");
        assertTrafficAsTheRulesSay();
    }
}
