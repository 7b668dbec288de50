package io.weft.rules.compile;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.RemoteNic;
import io.weft.rules.model.Segment;
import io.weft.rules.state.FlowEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenFlow pipeline of the integration bridge. Matches and actions are written in the exact
 * field order and number format {@code ovs-ofctl -O OpenFlow13 dump-flows} prints.
 *
 * <pre>
 * table 0  classify: which network a packet is on (metadata = type code &lt;&lt; 32 | segment id)
 *          local port (source MAC / ARP checked when port security is on) → table 1
 *          tunnel port + tun_id, or uplink + VLAN tag → table 2
 * table 1  from a local port: known MAC → local port or (tun_id, tun_dst) via the tunnel port;
 *          broadcast / unknown → local ports of the network + every host holding it (or the uplink);
 *          ARP requests for known addresses answered here when the responder is on
 * table 2  from the wire: known local MAC → its port; broadcast → local ports of the network
 * </pre>
 *
 * Anything unmatched is dropped. Packets from the wire are never sent back to the wire, so
 * flooding cannot loop between hosts.
 */
final class FlowCompiler {
    static final int CLASSIFY_TABLE = 0;
    static final int FROM_LOCAL_TABLE = 1;
    static final int FROM_WIRE_TABLE = 2;

    private static final String BROADCAST_OR_MULTICAST = "dl_dst=01:00:00:00:00:00/01:00:00:00:00:00";

    private final Optional<String> vlanUplink;
    private final boolean arpResponder;
    private final List<FlowEntry> flows = new ArrayList<>();

    FlowCompiler(Optional<String> vlanUplink, boolean arpResponder) {
        this.vlanUplink = vlanUplink;
        this.arpResponder = arpResponder;
    }

    /** Flows of every network that has local NICs, plus the default drops. */
    List<FlowEntry> compile(SortedMap<String, NetworkView> networks, SortedMap<String, List<LocalNic>> nicsByNetwork) {
        for (Map.Entry<String, List<LocalNic>> entry : nicsByNetwork.entrySet()) {
            network(networks.get(entry.getKey()), entry.getValue());
        }
        for (int table : new int[] {CLASSIFY_TABLE, FROM_LOCAL_TABLE, FROM_WIRE_TABLE}) {
            flows.add(new FlowEntry(table, 0, "", "drop"));
        }
        return flows;
    }

    static String networkRegister(Segment segment) {
        return hex(((long) segment.type().code() << 32) | segment.id());
    }

    private void network(NetworkView network, List<LocalNic> localNics) {
        Segment segment = network.segment();
        String register = networkRegister(segment);
        String setNetwork = "set_field:" + register + "->metadata,";
        String metadata = "metadata=" + register;

        SortedMap<String, String> localPortByMac = new TreeMap<>();
        SortedSet<String> localPorts = new TreeSet<>();
        for (LocalNic nic : localNics) {
            String port = WeftNames.ovsVeth(nic.nicId());
            localPorts.add(port);
            classifyLocal(nic, port, setNetwork + "goto_table:" + FROM_LOCAL_TABLE);
            localPortByMac.putIfAbsent(nic.mac().toString(), port);
            nic.allowedAddressPairs()
                    .forEach(pair -> pair.mac().ifPresent(mac -> localPortByMac.putIfAbsent(mac.toString(), port)));
        }
        for (Map.Entry<String, String> local : localPortByMac.entrySet()) {
            String match = metadata + ",dl_dst=" + local.getKey();
            flows.add(new FlowEntry(FROM_LOCAL_TABLE, 100, match, "output:" + local.getValue()));
            flows.add(new FlowEntry(FROM_WIRE_TABLE, 100, match, "output:" + local.getValue()));
        }

        StringBuilder localFlood = new StringBuilder();
        localPorts.forEach(port -> localFlood
                .append(localFlood.length() == 0 ? "" : ",")
                .append("output:")
                .append(port));
        flows.add(new FlowEntry(
                FROM_WIRE_TABLE, 50, metadata + "," + BROADCAST_OR_MULTICAST, orDrop(localFlood.toString())));

        String wireFlood = segment.type().isTunnel()
                ? tunnel(network, localNics, localPortByMac.keySet(), metadata, setNetwork)
                : vlan(segment, setNetwork);
        String flood = orDrop(join(localFlood.toString(), wireFlood));
        flows.add(new FlowEntry(FROM_LOCAL_TABLE, 50, metadata + "," + BROADCAST_OR_MULTICAST, flood));
        flows.add(new FlowEntry(FROM_LOCAL_TABLE, 40, metadata, flood));
    }

    /** Tunnel id → network, known remote MAC → its host, and the replication list of the network's hosts. */
    private String tunnel(
            NetworkView network, List<LocalNic> localNics, Set<String> localMacs, String metadata, String setNetwork) {
        Segment segment = network.segment();
        String tunnelPort = WeftNames.tunnelPort(segment.type());
        String setTunnelId = "set_field:" + hex(segment.id()) + "->tun_id";
        flows.add(new FlowEntry(
                CLASSIFY_TABLE,
                100,
                "tun_id=" + hex(segment.id()) + ",in_port=" + tunnelPort,
                setNetwork + "goto_table:" + FROM_WIRE_TABLE));
        SortedMap<String, IpAddress> remoteHostByMac = new TreeMap<>();
        for (RemoteNic remote : network.remoteNics()) {
            remoteHostByMac.putIfAbsent(remote.mac().toString(), remote.hostTunnelIp());
        }
        remoteHostByMac.forEach((mac, host) -> {
            if (!localMacs.contains(mac)) {
                flows.add(new FlowEntry(
                        FROM_LOCAL_TABLE,
                        100,
                        metadata + ",dl_dst=" + mac,
                        setTunnelId + ",set_field:" + host + "->tun_dst,output:" + tunnelPort));
            }
        });
        if (arpResponder) {
            arpAnswers(metadata, localNics, network.remoteNics());
        }
        SortedSet<IpAddress> remoteHosts = new TreeSet<>(network.remoteHosts());
        if (remoteHosts.isEmpty()) {
            return "";
        }
        StringBuilder toHosts = new StringBuilder(setTunnelId);
        remoteHosts.forEach(host -> toHosts.append(",set_field:")
                .append(host)
                .append("->tun_dst,output:")
                .append(tunnelPort));
        return toHosts.toString();
    }

    /** Tagged frames of the VLAN from the uplink → network; floods leave through the uplink, tagged. */
    private String vlan(Segment segment, String setNetwork) {
        String uplink = vlanUplink.orElseThrow();
        flows.add(new FlowEntry(
                CLASSIFY_TABLE,
                100,
                "in_port=" + uplink + ",dl_vlan=" + segment.id(),
                "pop_vlan," + setNetwork + "goto_table:" + FROM_WIRE_TABLE));
        // OpenFlow 1.3 writes vlan_vid with OFPVID_PRESENT (0x1000) set, and dump-flows prints it so.
        return "push_vlan:0x8100,set_field:" + (0x1000 + segment.id()) + "->vlan_vid,output:" + uplink;
    }

    /**
     * Traffic a local port may send. With port security on, only from the NIC's allowed MACs; ARP
     * only with a sender MAC/IP the NIC owns (iptables never sees ARP); IPv6 neighbour
     * advertisements only for a target address the NIC owns. A probe from 0.0.0.0
     * (RFC 5227) is allowed so that the VM can check its address before using it.
     */
    private void classifyLocal(LocalNic nic, String port, String toNetwork) {
        String inPort = "in_port=" + port;
        if (!nic.portSecurityEnabled()) {
            flows.add(new FlowEntry(CLASSIFY_TABLE, 100, inPort, toNetwork));
            return;
        }
        for (AllowedSources.Source source : AllowedSources.of(nic, IpFamily.IPV4)) {
            flows.add(new FlowEntry(CLASSIFY_TABLE, 110, arpFrom(inPort, source.mac(), source.cidr()), toNetwork));
        }
        flows.add(new FlowEntry(CLASSIFY_TABLE, 110, arpFrom(inPort, nic.mac(), Cidr.parse("0.0.0.0/32")), toNetwork));
        // Neighbour advertisements are IPv6's ARP replies: only for addresses the NIC owns.
        for (AllowedSources.Source source : AllowedSources.of(nic, IpFamily.IPV6)) {
            flows.add(new FlowEntry(
                    CLASSIFY_TABLE, 110, advertisementFrom(inPort, source.mac(), source.cidr()), toNetwork));
        }
        flows.add(new FlowEntry(CLASSIFY_TABLE, 105, "icmp6," + inPort + ",icmp_type=136", "drop"));
        flows.add(new FlowEntry(CLASSIFY_TABLE, 105, "arp," + inPort, "drop"));
        SortedSet<String> macs = new TreeSet<>();
        macs.add(nic.mac().toString());
        nic.allowedAddressPairs().forEach(pair -> pair.mac().ifPresent(mac -> macs.add(mac.toString())));
        for (String mac : macs) {
            flows.add(new FlowEntry(CLASSIFY_TABLE, 100, inPort + ",dl_src=" + mac, toNetwork));
        }
    }

    private static String arpFrom(String inPort, MacAddress mac, Cidr source) {
        // dump-flows prints a host address without its prefix and leaves a /0 match out entirely.
        String spa = source.isAny() ? "" : ",arp_spa=" + (source.isHost() ? source.network() : source);
        return "arp," + inPort + ",dl_src=" + mac + spa + ",arp_sha=" + mac;
    }

    private static String advertisementFrom(String inPort, MacAddress mac, Cidr target) {
        String ndTarget = target.isAny() ? "" : ",nd_target=" + (target.isHost() ? target.network() : target);
        return "icmp6," + inPort + ",dl_src=" + mac + ",icmp_type=136" + ndTarget;
    }

    /** Answers "who has IP?" for every known IPv4 address of the network so requests never flood. */
    private void arpAnswers(String metadata, List<LocalNic> localNics, List<RemoteNic> remoteNics) {
        SortedMap<IpAddress, MacAddress> macByIp = new TreeMap<>();
        for (LocalNic nic : localNics) {
            nic.ips().forEach(ip -> macByIp.putIfAbsent(ip, nic.mac()));
        }
        for (RemoteNic remote : remoteNics) {
            remote.ips().forEach(ip -> macByIp.putIfAbsent(ip, remote.mac()));
        }
        macByIp.forEach((ip, mac) -> {
            if (ip.family() == IpFamily.IPV4) {
                flows.add(new FlowEntry(
                        FROM_LOCAL_TABLE,
                        200,
                        "arp," + metadata + ",arp_tpa=" + ip + ",arp_op=1",
                        "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],set_field:" + mac + "->eth_src,"
                                + "load:0x2->NXM_OF_ARP_OP[],move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],"
                                + "move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],load:" + hex(mac.toLong())
                                + "->NXM_NX_ARP_SHA[],load:" + hex(ip.low()) + "->NXM_OF_ARP_SPA[],IN_PORT"));
            }
        });
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "," + second;
    }

    private static String orDrop(String actions) {
        return actions.isEmpty() ? "drop" : actions;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
