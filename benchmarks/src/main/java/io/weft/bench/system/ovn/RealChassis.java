package io.weft.bench.system.ovn;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.CommandRunner;
import io.weft.bench.scenario.Scenario;
import io.weft.lab.infra.Hypervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one real OVN hypervisor: {@code ovn-controller} on a lab hypervisor's own userspace Open
 * vSwitch, with an internal port per NIC of its scenario host whose {@code iface-id} names the
 * NIC's logical port, so that ovn-controller claims the ports and programs {@value #BRIDGE} for
 * them exactly as on a compute node.
 */
public final class RealChassis implements AutoCloseable {

    /** ovn-controller's integration bridge; created here because it must use the netdev datapath. */
    public static final String BRIDGE = "br-int";

    private final Hypervisor hypervisor;
    private final OvnDaemon controller;

    private RealChassis(Hypervisor hypervisor, OvnDaemon controller) {
        this.hypervisor = hypervisor;
        this.controller = controller;
    }

    /**
     * Configures the hypervisor's OVS as chassis {@code host} (its system-id, the southbound
     * database, its tunnel endpoint), plugs its NICs and starts ovn-controller.
     */
    public static RealChassis start(
            CommandRunner runner, Hypervisor hypervisor, OvnCentral central, Scenario scenario, Scenario.Host host) {
        requireNonNull(hypervisor, "hypervisor is null");
        hypervisor.vsctl(
                "set",
                "open_vswitch",
                ".",
                "external_ids:system-id=" + SouthboundChassis.chassisName(host),
                "external_ids:ovn-remote=unix:" + central.sbSocket(),
                "external_ids:ovn-encap-type=" + SouthboundChassis.ENCAP,
                "external_ids:ovn-encap-ip=" + hypervisor.underlayIp(),
                "external_ids:ovn-bridge=" + BRIDGE,
                "external_ids:ovn-bridge-datapath-type=netdev");
        List<String> plug = new ArrayList<>(
                List.of("--may-exist", "add-br", BRIDGE, "--", "set", "bridge", BRIDGE, "datapath_type=netdev"));
        for (Scenario.Nic nic : scenario.nics()) {
            if (nic.host() == host.index()) {
                String device = "tap%06d".formatted(nic.index());
                plug.addAll(List.of(
                        "--",
                        "add-port",
                        BRIDGE,
                        device,
                        "--",
                        "set",
                        "interface",
                        device,
                        "type=internal",
                        "external_ids:iface-id=" + NorthboundTranslation.portName(nic),
                        "external_ids:attached-mac=" + nic.mac()));
            }
        }
        hypervisor.vsctl(plug.toArray(String[]::new));
        OvnDaemon controller = OvnDaemon.startWithoutControlOption(
                runner, hypervisor.namespace(), hypervisor.runDir(), "ovn-controller", List.of(hypervisor.dbUrl()));
        return new RealChassis(hypervisor, controller);
    }

    OvnDaemon controller() {
        return controller;
    }

    /** Every OpenFlow flow on {@value #BRIDGE}, from {@code ovs-ofctl dump-aggregate}. */
    public long openFlowCount() {
        String aggregate = hypervisor.ofctl("dump-aggregate", BRIDGE).stdout();
        int at = aggregate.indexOf("flow_count=");
        if (at < 0) {
            throw new IllegalStateException("no flow_count in: " + aggregate);
        }
        return Long.parseLong(aggregate.substring(at + "flow_count=".length()).split("\\s")[0]);
    }

    /** Flows on {@value #BRIDGE} that match packets from {@code ip}: an address set's members show up here. */
    public long flowsMatchingSource(String ip) {
        return hypervisor
                .ofctl("--no-stats", "dump-flows", BRIDGE, "ip,nw_src=" + ip)
                .stdout()
                .lines()
                .filter(line -> line.contains("nw_src=" + ip))
                .count();
    }

    /** A flow monitor on {@value #BRIDGE} for the flows that match packets from {@code ip}. */
    FlowWatch watchFlowsFromSource(String ip) {
        return FlowWatch.start(hypervisor, BRIDGE, "ip,nw_src=" + ip, Duration.ofSeconds(30));
    }

    /** Tunnel interfaces ovn-controller made on {@value #BRIDGE}, one per remote chassis. */
    public long tunnelPorts() {
        return hypervisor
                .vsctl("--bare", "--columns=name", "find", "interface", "type=" + SouthboundChassis.ENCAP)
                .stdout()
                .lines()
                .filter(line -> !line.isBlank())
                .count();
    }

    public long controllerRssBytes() {
        return controller.rssBytes();
    }

    @Override
    public void close() {
        controller.stop();
    }
}
