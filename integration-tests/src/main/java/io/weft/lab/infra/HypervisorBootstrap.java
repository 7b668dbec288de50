package io.weft.lab.infra;

import io.weft.agent.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Brings a hypervisor namespace up: its uplink to the underlay switch, br_netfilter, its own OVS
 * daemons, and the underlay bridge that holds the tunnel endpoint address. See docs/lab.md for why
 * the address sits on an OVS bridge and not on the uplink.
 */
final class HypervisorBootstrap {

    private static final String OVS_SCHEMA = DataplanePrerequisites.OVS_SCHEMA.toString();

    private final CommandRunner runner;

    HypervisorBootstrap(CommandRunner runner) {
        this.runner = runner;
    }

    void boot(Hypervisor hypervisor, String underlayNamespace, String underlaySwitch) {
        connectUplink(hypervisor, underlayNamespace, underlaySwitch);
        enableBridgeNetfilter(hypervisor);
        startOvs(hypervisor);
        buildUnderlayBridge(hypervisor);
    }

    private void connectUplink(Hypervisor hypervisor, String underlayNamespace, String underlaySwitch) {
        String switchPort = switchPortName(hypervisor);
        // Created straight into both namespaces, so no name ever touches the root namespace.
        runner.runChecked(
                "ip",
                "link",
                "add",
                "name",
                switchPort,
                "netns",
                underlayNamespace,
                "type",
                "veth",
                "peer",
                "name",
                Hypervisor.UPLINK,
                "netns",
                hypervisor.namespace());
        runner.runChecked("ip", "-n", underlayNamespace, "link", "set", switchPort, "master", underlaySwitch, "up");
        // The uplink belongs to OVS, as a DPDK NIC would. Left to the kernel it would answer ARP for
        // the tunnel address with its own MAC too, and a peer that believed that answer would send
        // tunnelled packets where OVS never terminates them.
        runner.runChecked("ip", "-n", hypervisor.namespace(), "link", "set", Hypervisor.UPLINK, "arp", "off", "up");
    }

    static String switchPortName(Hypervisor hypervisor) {
        return "ul-" + hypervisor.name();
    }

    private void enableBridgeNetfilter(Hypervisor hypervisor) {
        // iptables on the per-NIC Linux bridges only sees bridged frames with these set.
        hypervisor.exec(
                "sysctl", "-q", "-w", "net.bridge.bridge-nf-call-iptables=1", "net.bridge.bridge-nf-call-ip6tables=1");
    }

    private void startOvs(Hypervisor hypervisor) {
        try {
            Files.createDirectories(hypervisor.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dir = hypervisor.runDir().toString();
        String db = hypervisor.runDir().resolve("conf.db").toString();
        runner.runChecked("ovsdb-tool", "create", db, OVS_SCHEMA);
        hypervisor.exec(
                "ovsdb-server",
                db,
                "--remote=punix:" + hypervisor.dbSocket(),
                "--unixctl=" + hypervisor.ovsdbServerControl(),
                "--pidfile=" + hypervisor.ovsdbServerPidFile(),
                "--log-file=" + dir + "/ovsdb-server.log",
                "--detach");
        hypervisor.vsctl("--no-wait", "init");
        hypervisor.exec(
                "ovs-vswitchd",
                hypervisor.dbUrl(),
                // No kernel module here: every bridge must use datapath_type=netdev.
                "--disable-system",
                "--unixctl=" + hypervisor.vswitchdControl(),
                "--pidfile=" + hypervisor.vswitchdPidFile(),
                "--log-file=" + dir + "/ovs-vswitchd.log",
                "--detach");
    }

    private void buildUnderlayBridge(Hypervisor hypervisor) {
        String bridge = Hypervisor.UNDERLAY_BRIDGE;
        hypervisor.vsctl(
                "--may-exist",
                "add-br",
                bridge,
                "--",
                "set",
                "bridge",
                bridge,
                "datapath_type=netdev",
                "--",
                "--may-exist",
                "add-port",
                bridge,
                Hypervisor.UPLINK);
        hypervisor.exec("ip", "addr", "add", hypervisor.underlayCidr(), "dev", bridge);
        hypervisor.exec("ip", "link", "set", bridge, "up");
    }
}
