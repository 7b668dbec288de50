package io.weft.it.lab;

import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wires lab VMs together by hand, exactly the way the agent will: VM tap ─ per-NIC Linux bridge ─
 * veth ─ integration bridge ─ one flow-based tunnel port. Kept next to the test on purpose: these
 * commands and flows are the reference that docs/lab.md records for the rules-engine renderer.
 */
final class HybridWiring {

    static final String INTEGRATION_BRIDGE = "br-int";
    /** Pinned so that flows and dumps can name the port by number as well as by name. */
    static final int TUNNEL_OFPORT = 100;
    /** Marks our flows; replace-flows/dump-flows can then be limited to cookie=0x57ef/-1. */
    static final String COOKIE = "0x57ef";

    private HybridWiring() {}

    enum TunnelType {
        VXLAN("vxlan", "tun-vxlan"),
        GRE("gre", "tun-gre");

        final String ovsType;
        final String portName;

        TunnelType(String ovsType, String portName) {
            this.ovsType = ovsType;
            this.portName = portName;
        }
    }

    /** The integration bridge with one flow-based tunnel port of the given type. */
    static void createIntegrationBridge(Hypervisor hypervisor, TunnelType tunnel) {
        hypervisor.vsctl(
                "--may-exist",
                "add-br",
                INTEGRATION_BRIDGE,
                "--",
                "set",
                "bridge",
                INTEGRATION_BRIDGE,
                "datapath_type=netdev",
                "fail_mode=secure",
                "--",
                "--may-exist",
                "add-port",
                INTEGRATION_BRIDGE,
                tunnel.portName,
                "--",
                "set",
                "interface",
                tunnel.portName,
                "type=" + tunnel.ovsType,
                "options:remote_ip=flow",
                "options:key=flow",
                "ofport_request=" + TUNNEL_OFPORT);
    }

    /**
     * Plugs the VM's tap the hybrid way: a Linux bridge qbr* (where iptables filters, thanks to
     * br_netfilter) holding the tap and one end (qvb*) of a veth whose other end (qvo*) is on br-int.
     */
    static String plugHybrid(Vm vm, int ofport) {
        Hypervisor hypervisor = vm.hypervisor();
        String suffix = vm.name();
        String linuxBridge = "qbr" + suffix;
        String bridgeSide = "qvb" + suffix;
        String ovsSide = "qvo" + suffix;
        String mtu = Integer.toString(vm.spec().mtu());
        hypervisor.exec("ip", "link", "add", linuxBridge, "type", "bridge");
        hypervisor.exec("ip", "link", "set", linuxBridge, "up");
        hypervisor.exec("ip", "link", "set", vm.tapName(), "master", linuxBridge);
        hypervisor.exec(
                "ip", "link", "add", bridgeSide, "mtu", mtu, "type", "veth", "peer", "name", ovsSide, "mtu", mtu);
        hypervisor.exec("ip", "link", "set", bridgeSide, "master", linuxBridge, "up");
        hypervisor.exec("ip", "link", "set", ovsSide, "up");
        hypervisor.vsctl(
                "--may-exist",
                "add-port",
                INTEGRATION_BRIDGE,
                ovsSide,
                "--",
                "set",
                "interface",
                ovsSide,
                "ofport_request=" + ofport);
        return ovsSide;
    }

    /** A VM on another host: its MAC and the tunnel endpoint of the host it runs on. */
    record RemoteVm(String mac, String hostIp) {
        RemoteVm {
            Objects.requireNonNull(mac, "mac is null");
            Objects.requireNonNull(hostIp, "hostIp is null");
        }
    }

    /**
     * Flows for one local VM port on one network (tunnel key {@code vni}) with VMs on other hosts.
     * Unicast to a known remote MAC goes to that VM's host only; broadcast and multicast are
     * replicated once per remote host by re-setting tun_dst between outputs of the one tunnel port.
     * Everything lives in table 0 to keep the reference minimal.
     */
    static String flows(TunnelType tunnel, long vni, String localPort, String localMac, List<RemoteVm> remotes) {
        String multicast = "dl_dst=01:00:00:00:00:00/01:00:00:00:00:00";
        String table = "cookie=" + COOKIE + ",table=0,";
        List<String> flows = new ArrayList<>();
        for (RemoteVm remote : remotes) {
            flows.add(table + "priority=100,in_port=" + localPort + ",dl_dst=" + remote.mac() + ",actions="
                    + toHosts(tunnel, vni, List.of(remote.hostIp())));
        }
        List<String> remoteHosts =
                remotes.stream().map(RemoteVm::hostIp).distinct().sorted().toList();
        flows.add(table + "priority=90,in_port=" + localPort + "," + multicast + ",actions="
                + toHosts(tunnel, vni, remoteHosts));
        flows.add(table + "priority=100,in_port=" + tunnel.portName + ",tun_id=" + vni + ",dl_dst=" + localMac
                + ",actions=output:" + localPort);
        flows.add(table + "priority=90,in_port=" + tunnel.portName + ",tun_id=" + vni + "," + multicast
                + ",actions=output:" + localPort);
        flows.add(table + "priority=0,actions=drop");
        return String.join("\n", flows) + "\n";
    }

    private static String toHosts(TunnelType tunnel, long vni, List<String> hostIps) {
        StringBuilder actions = new StringBuilder("set_field:" + vni + "->tun_id");
        for (String hostIp : hostIps) {
            actions.append(",set_field:")
                    .append(hostIp)
                    .append("->tun_dst,output:")
                    .append(tunnel.portName);
        }
        return actions.toString();
    }

    /** Atomically replaces every flow on br-int (OpenFlow 1.4 bundle). */
    static void replaceFlows(Hypervisor hypervisor, String flows) {
        hypervisor.ofctlWithInput(flows, "--bundle", "-O", "OpenFlow14", "replace-flows", INTEGRATION_BRIDGE, "-");
    }

    static void dropEverything(Hypervisor hypervisor) {
        replaceFlows(hypervisor, "cookie=" + COOKIE + ",table=0,priority=0,actions=drop\n");
    }
}
