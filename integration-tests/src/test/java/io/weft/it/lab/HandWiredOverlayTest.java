package io.weft.it.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.RealDataplane;
import io.weft.it.lab.HybridWiring.RemoteVm;
import io.weft.it.lab.HybridWiring.TunnelType;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.lab.infra.PingResult;
import io.weft.lab.infra.Vm;
import io.weft.lab.infra.VmSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the lab with real packets: two hypervisors, one VM on each in the same subnet, wired by
 * hand the hybrid way over one flow-based tunnel port, as the agent will wire them.
 */
class HandWiredOverlayTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long VNI = 5001;
    private static final int VM_OFPORT = 1;
    private static final int ECHO_PORT = 7001;

    @BeforeEach
    void requireDataplane() {
        RealDataplane.requireOrSkip();
    }

    @Test
    void vxlanOverlayCarriesPingTcpAndUdpBothWays() {
        try (Lab lab = Lab.start()) {
            Pair pair = wire(lab, TunnelType.VXLAN);

            assertReachableBothWays(pair);
            assertThat(pair.vm1().ping("fd00:10::2", 3, INTERVAL, TIMEOUT).allReceived())
                    .as("IPv6 (neighbour discovery rides the multicast flows)")
                    .isTrue();

            pair.vm2().startTcpListener(ECHO_PORT);
            pair.vm2().startUdpEcho(ECHO_PORT);
            assertThat(pair.vm1().tcpConnect(pair.vm2().ipv4Address(), ECHO_PORT, TIMEOUT))
                    .as("TCP needs the guests' checksum offload off")
                    .isTrue();
            assertThat(pair.vm1().udpProbe(pair.vm2().ipv4Address(), ECHO_PORT, TIMEOUT))
                    .isTrue();
            assertThat(pair.vm1().tcpConnect(pair.vm2().ipv4Address(), ECHO_PORT + 1, TIMEOUT))
                    .as("nothing listens there")
                    .isFalse();
        }
    }

    @Test
    void greOverlayCarriesPingBothWays() {
        try (Lab lab = Lab.start()) {
            Pair pair = wire(lab, TunnelType.GRE);

            assertReachableBothWays(pair);
        }
    }

    @Test
    void withoutTunnelFlowsNothingCrossesTheUnderlay() {
        try (Lab lab = Lab.start()) {
            Pair pair = wire(lab, TunnelType.VXLAN);
            HybridWiring.dropEverything(pair.vm1().hypervisor());

            assertThat(pair.vm1().ping(pair.vm2().ipv4Address(), 2, INTERVAL, Duration.ofSeconds(1)))
                    .isEqualTo(new PingResult(2, 0));
        }
    }

    @Test
    void broadcastIsReplicatedToEveryRemoteHostThroughTheOneTunnelPort() {
        try (Lab lab = Lab.start()) {
            Pair pair = wire(lab, TunnelType.VXLAN);
            Vm vm1 = pair.vm1();
            Vm vm2 = pair.vm2();
            Hypervisor hv3 = lab.addHypervisor("hv3");
            Vm vm3 = lab.addVm(hv3, VmSpec.of("vm3", "tapvm3", "02:00:0a:0a:00:03", "10.10.0.3/24"));
            HybridWiring.createIntegrationBridge(hv3, TunnelType.VXLAN);
            String port3 = HybridWiring.plugHybrid(vm3, VM_OFPORT);
            HybridWiring.replaceFlows(
                    vm1.hypervisor(),
                    HybridWiring.flows(TunnelType.VXLAN, VNI, "qvovm1", vm1.mac(), List.of(remote(vm2), remote(vm3))));
            HybridWiring.replaceFlows(
                    hv3, HybridWiring.flows(TunnelType.VXLAN, VNI, port3, vm3.mac(), List.of(remote(vm1))));

            // Each first ping needs an ARP broadcast from vm1 that only the replicated flood delivers.
            assertThat(vm1.ping(vm2.ipv4Address(), 3, INTERVAL, TIMEOUT)).isEqualTo(new PingResult(3, 3));
            assertThat(vm1.ping(vm3.ipv4Address(), 3, INTERVAL, TIMEOUT)).isEqualTo(new PingResult(3, 3));
            assertThat(vm2.ping(vm3.ipv4Address(), 2, INTERVAL, Duration.ofSeconds(1)))
                    .as("hv2 and hv3 have no flows for each other")
                    .isEqualTo(new PingResult(2, 0));
        }
    }

    private static RemoteVm remote(Vm vm) {
        return new RemoteVm(vm.mac(), vm.hypervisor().underlayIp());
    }

    private static void assertReachableBothWays(Pair pair) {
        assertThat(pair.vm1().ping(pair.vm2().ipv4Address(), 3, INTERVAL, TIMEOUT))
                .isEqualTo(new PingResult(3, 3));
        assertThat(pair.vm2().ping(pair.vm1().ipv4Address(), 3, INTERVAL, TIMEOUT))
                .isEqualTo(new PingResult(3, 3));
    }

    private record Pair(Vm vm1, Vm vm2) {}

    private static Pair wire(Lab lab, TunnelType tunnel) {
        Hypervisor hv1 = lab.addHypervisor("hv1");
        Hypervisor hv2 = lab.addHypervisor("hv2");
        Vm vm1 = lab.addVm(
                hv1,
                VmSpec.of("vm1", "tapvm1", "02:00:0a:0a:00:01", "10.10.0.1/24").withIpv6("fd00:10::1/64"));
        Vm vm2 = lab.addVm(
                hv2,
                VmSpec.of("vm2", "tapvm2", "02:00:0a:0a:00:02", "10.10.0.2/24").withIpv6("fd00:10::2/64"));
        for (Vm vm : new Vm[] {vm1, vm2}) {
            HybridWiring.createIntegrationBridge(vm.hypervisor(), tunnel);
        }
        String port1 = HybridWiring.plugHybrid(vm1, VM_OFPORT);
        String port2 = HybridWiring.plugHybrid(vm2, VM_OFPORT);
        HybridWiring.replaceFlows(hv1, HybridWiring.flows(tunnel, VNI, port1, vm1.mac(), List.of(remote(vm2))));
        HybridWiring.replaceFlows(hv2, HybridWiring.flows(tunnel, VNI, port2, vm2.mac(), List.of(remote(vm1))));
        return new Pair(vm1, vm2);
    }
}
