package io.weft.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.TestingHosts;
import io.weft.agent.dataplane.memory.InMemoryDataplane;
import io.weft.agent.process.Command;
import io.weft.agent.state.StateStore;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostAgentTest {
    private static final HostDesiredState ONE = TestingHosts.state("10.0.1.1");
    private static final HostDesiredState TWO = TestingHosts.state("10.0.1.1", "10.0.1.2");

    @TempDir
    Path stateDir;

    private final List<HostMessage> sent = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private InMemoryDataplane dataplane;
    private HostAgent agent;

    @BeforeEach
    void createAgent() {
        dataplane = new InMemoryDataplane();
        dataplane.host().addTap("tapa", 1400);
        dataplane.host().addTap("tapb", 1400);
        agent = newAgent();
    }

    private HostAgent newAgent() {
        return new HostAgent(TestingHosts.HOST, dataplane, new StateStore(stateDir), sent::add, registry);
    }

    private <T extends HostMessage> List<T> sentOf(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private HostAck lastAck() {
        List<HostAck> acks = sentOf(HostAck.class);
        return acks.get(acks.size() - 1);
    }

    private boolean dataplaneMatches(HostDesiredState desired) {
        return StateDiff.diff(dataplane.readBack().state(), desired).isEmpty();
    }

    @Test
    void fullUpdateProgramsTheDataplaneAndAcksItsGeneration() {
        agent.start();
        agent.onUpdate(TestingHosts.full(1, ONE));
        assertTrue(dataplaneMatches(ONE));
        HostAck ack = lastAck();
        assertEquals(AckStatus.APPLIED, ack.status());
        assertEquals(new Generation(1, 1), ack.generation());
        assertEquals(ONE.hash(), ack.desiredHash());
        assertTrue(agent.inSync());
    }

    @Test
    void reapplyingTheSameGenerationWritesNothingAndAcksAgain() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        long writes = dataplane.writeCount();
        agent.onUpdate(TestingHosts.full(1, ONE));
        agent.reconcile();
        assertEquals(writes, dataplane.writeCount());
        assertEquals(2, sentOf(HostAck.class).size());
    }

    @Test
    void membershipDeltaChangesOnlyTheSet() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        String chain = WeftNames.ingressChain("nic-a");
        List<String> rulesBefore = dataplane.host().chainRules("ipv4", chain);
        agent.onUpdate(TestingHosts.delta(1, ONE, TWO));
        assertTrue(dataplaneMatches(TWO));
        assertEquals(rulesBefore, dataplane.host().chainRules("ipv4", chain));
        assertEquals(2, dataplane.host().setSize(WeftNames.groupSet("sg-db", IpFamily.IPV4)));
        assertEquals(new Generation(1, 2), lastAck().generation());
    }

    @Test
    void aMemberOnlyDeltaIsOneIpsetCallWithoutReadingTheHostBack() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        long invocations = dataplane.host().invocationCount();

        agent.onUpdate(TestingHosts.delta(1, ONE, TWO));
        assertEquals(1, dataplane.host().invocationCount() - invocations, "one ipset restore, no read back");
        agent.onUpdate(TestingHosts.delta(2, TWO, ONE));
        assertEquals(2, dataplane.host().invocationCount() - invocations);

        assertTrue(dataplaneMatches(ONE));
        assertEquals(new Generation(1, 3), lastAck().generation());
        assertEquals(AckStatus.APPLIED, lastAck().status());
        assertEquals(ONE.hash(), lastAck().desiredHash());
        assertTrue(agent.inSync());
        assertEquals(2.0, registry.counter("weft.agent.member.deltas").count());
        assertEquals(1, agent.counters().setSizes().get(WeftNames.groupSet("sg-db", IpFamily.IPV4)));
    }

    @Test
    void aMemberDeltaFindingItsSetGoneFallsBackToAFullPass() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        String set = WeftNames.groupSet("sg-db", IpFamily.IPV4);
        // Someone removes the rules that use the set, then the set itself.
        for (String nic : List.of("nic-a", "nic-b")) {
            dataplane.host().run(Command.of("iptables", "-F", WeftNames.ingressChain(nic)));
        }
        assertEquals(
                0, dataplane.host().run(Command.of("ipset", "destroy", set)).exitCode());

        agent.onUpdate(TestingHosts.delta(1, ONE, TWO));

        assertTrue(dataplaneMatches(TWO), "the full pass put back the rules and the set");
        assertEquals(AckStatus.APPLIED, lastAck().status());
        assertEquals(0.0, registry.counter("weft.agent.member.deltas").count());
    }

    @Test
    void aMemberDeltaOnAHostThatIsNotInSyncTakesTheFullPass() {
        dataplane.host().removeTap("tapb");
        agent.onUpdate(TestingHosts.full(1, ONE));
        assertFalse(agent.inSync(), "nic-b waits for its tap");
        long invocations = dataplane.host().invocationCount();

        agent.onUpdate(TestingHosts.delta(1, ONE, TWO));

        assertTrue(dataplane.host().invocationCount() - invocations > 1, "read back, then apply");
        assertEquals(2, dataplane.host().setSize(WeftNames.groupSet("sg-db", IpFamily.IPV4)));
        assertEquals(0.0, registry.counter("weft.agent.member.deltas").count());
    }

    @Test
    void deltaOnStaleBaseRequestsFullResyncOnceAndWritesNothing() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        long writes = dataplane.writeCount();
        agent.onUpdate(TestingHosts.delta(4, ONE, TWO));
        agent.onUpdate(TestingHosts.delta(5, ONE, TWO));
        assertEquals(writes, dataplane.writeCount());
        List<ResyncRequest> requests = sentOf(ResyncRequest.class);
        assertEquals(1, requests.size());
        assertEquals(new Generation(1, 1), requests.get(0).applied());
    }

    @Test
    void aFreshAgentTouchesNothingUntilItsFirstFull() {
        agent.start();
        agent.reconcile();
        assertEquals(0, dataplane.writeCount());
        assertEquals(1, sentOf(ResyncRequest.class).size());
        assertFalse(agent.inSync());
    }

    @Test
    void driftIsRepairedByTheNextReconcileAndCounted() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        String chain = WeftNames.ingressChain("nic-a");
        dataplane.host().run(Command.of("iptables", "-F", chain));
        dataplane.host().run(Command.of("ipset", "flush", WeftNames.groupSet("sg-db", IpFamily.IPV4)));
        dataplane.host().run(Command.of("ovs-ofctl", "del-flows", "br-int", "cookie=0x5745465400000001/-1"));
        assertFalse(dataplaneMatches(ONE));
        agent.reconcile();
        assertTrue(dataplaneMatches(ONE));
        assertTrue(agent.driftRepairs() >= 3);
        assertEquals(
                (double) agent.driftRepairs(),
                registry.counter("weft.agent.drift.repairs").count());
        agent.heartbeat();
        List<Heartbeat> beats = sentOf(Heartbeat.class);
        assertEquals(
                agent.driftRepairs(), beats.get(beats.size() - 1).counters().driftRepairs());
    }

    @Test
    void restartedAgentOnTheSameStateDirWritesNothingAndAsksForFull() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        long writes = dataplane.writeCount();
        HostAgent restarted = newAgent();
        restarted.start();
        assertEquals(writes, dataplane.writeCount());
        assertEquals(new Generation(1, 1), restarted.state().applied());
        assertEquals(new Generation(1, 1), sentOf(ResyncRequest.class).get(0).applied());
        restarted.onUpdate(TestingHosts.full(1, ONE));
        assertEquals(writes, dataplane.writeCount());
    }

    @Test
    void restartedAgentAppliesOnlyWhatChangedWhileItWasDown() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        HostAgent restarted = newAgent();
        restarted.start();
        String chain = WeftNames.ingressChain("nic-a");
        List<String> rulesBefore = dataplane.host().chainRules("ipv4", chain);
        restarted.onUpdate(TestingHosts.full(2, TWO));
        assertTrue(dataplaneMatches(TWO));
        assertEquals(rulesBefore, dataplane.host().chainRules("ipv4", chain));
    }

    @Test
    void nicWithoutTapIsPendingAndWiredOnceItsTapAppears() {
        dataplane.host().removeTap("tapb");
        agent.onUpdate(TestingHosts.full(1, ONE));
        assertEquals(AckStatus.APPLIED, lastAck().status());
        assertEquals(java.util.Set.of("nic-b"), agent.pendingNics());
        assertFalse(agent.inSync());
        assertEquals(List.of("nic-a"), wired());
        dataplane.host().addTap("tapb", 1400);
        agent.reconcile();
        assertTrue(agent.pendingNics().isEmpty());
        assertEquals(List.of("nic-a", "nic-b"), wired());
        assertEquals(0, agent.driftRepairs());
        assertEquals(
                WeftNames.linuxBridge("nic-b"),
                dataplane.host().masterOf("tapb").orElseThrow());
    }

    @Test
    void everyWiredPortIsReportedAgainAfterAFull() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        int reports = sentOf(PortStatus.class).size();
        agent.onUpdate(TestingHosts.full(2, ONE));
        List<PortStatus> again = sentOf(PortStatus.class)
                .subList(reports, sentOf(PortStatus.class).size());
        assertEquals(
                List.of("nic-a", "nic-b"),
                again.stream().map(PortStatus::nicId).sorted().toList());
        assertTrue(again.stream().allMatch(status -> status.state() == PortStatus.State.WIRED));
    }

    @Test
    void aPendingNicCostsNoWritesPerReconcile() {
        dataplane.host().removeTap("tapb");
        agent.onUpdate(TestingHosts.full(1, ONE));
        long writes = dataplane.writeCount();
        agent.reconcile();
        agent.reconcile();
        assertEquals(writes, dataplane.writeCount());
    }

    @Test
    void removedNicIsUnpluggedAndReportedUnwired() {
        agent.onUpdate(TestingHosts.full(1, ONE));
        HostDesiredState oneNic = TestingHosts.state(false, "10.0.1.1");
        agent.onUpdate(TestingHosts.delta(1, ONE, oneNic));
        assertTrue(dataplaneMatches(oneNic));
        assertFalse(dataplane.host().deviceExists(WeftNames.linuxBridge("nic-b")));
        assertFalse(dataplane.host().deviceExists(WeftNames.ovsVeth("nic-b")));
        assertTrue(dataplane.host().deviceExists("tapb"), "the tap belongs to the hypervisor");
        PortStatus last = sentOf(PortStatus.class).get(sentOf(PortStatus.class).size() - 1);
        assertEquals(PortStatus.State.UNWIRED, last.state());
        assertEquals("nic-b", last.nicId());
    }

    @Test
    void heartbeatReportsGenerationHashAndCounters() {
        agent.onUpdate(TestingHosts.full(1, TWO));
        agent.heartbeat();
        Heartbeat beat = sentOf(Heartbeat.class).get(0);
        assertEquals(new Generation(1, 1), beat.applied());
        assertEquals(TWO.hash(), beat.desiredHash());
        assertTrue(beat.inSync());
        assertEquals(2, beat.counters().ports());
        assertEquals(TWO.flows().size(), beat.counters().flows());
        assertEquals(2, beat.counters().setSizes().get(WeftNames.groupSet("sg-db", IpFamily.IPV4)));
    }

    @Test
    void oneTunnelPortPerTypeWhateverTheNumberOfPeers() {
        agent.onUpdate(TestingHosts.full(1, TWO));
        assertEquals(List.of("weft-vxlan"), dataplane.host().tunnelPorts("vxlan"));
    }

    private List<String> wired() {
        return agent.wiredNics().stream().sorted().toList();
    }
}
