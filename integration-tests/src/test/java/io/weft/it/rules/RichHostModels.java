package io.weft.it.rules;

import io.weft.rules.model.AllowedAddressPair;
import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Cidr;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteNic;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host model that uses every feature the renderers can express, and a second version of it with
 * a NIC, a network, rules and group members taken away or changed.
 *
 * <pre>
 * net-vx   VXLAN 5001  nic-web (sg-web, sg-cs; v4+v6, address pairs)  nic-db (sg-db)   remote: hv2, hv3
 *                      nic-bare (port security on, no group, no address)
 * net-gre  GRE 7001    nic-gre (sg-web, sg-db)                                          remote: hv2
 * net-vlan VLAN 42     nic-vlan (sg-db)  nic-open (port security off)                    uplink vlanup
 * </pre>
 *
 * The remote hosts exist only as addresses: flows name them, nothing has to answer.
 */
final class RichHostModels {
    static final String BRIDGE = "br-weft";
    /** A veth end standing in for the physical NIC that carries VLAN networks. */
    static final String VLAN_UPLINK = "vlanup";

    static final String NIC_WEB = "nic-web";
    static final String NIC_DB = "nic-db";
    static final String NIC_GRE = "nic-gre";
    static final String NIC_VLAN = "nic-vlan";
    static final String NIC_OPEN = "nic-open";
    static final String NIC_BARE = "nic-bare";

    static final String SG_WEB = "sg-web";
    static final String SG_DB = "sg-db";
    static final String SG_CS = "sg-cs";

    static final String NET_VX = "net-vx";
    static final String NET_GRE = "net-gre";
    static final String NET_VLAN = "net-vlan";

    /** Leaves sg-web in the changed model and so from the v4 set of sg-web. */
    static final String MEMBER_LEAVING_WEB = "10.10.0.21";

    private final IpAddress tunnelEndpoint;
    private final IpAddress remoteHost2;
    private final IpAddress remoteHost3;

    /** {@code underlayIp} is this host's tunnel endpoint; the remote hosts are its /24 neighbours. */
    RichHostModels(String underlayIp) {
        String prefix = underlayIp.substring(0, underlayIp.lastIndexOf('.') + 1);
        this.tunnelEndpoint = IpAddress.parse(underlayIp);
        this.remoteHost2 = IpAddress.parse(prefix + "2");
        this.remoteHost3 = IpAddress.parse(prefix + "3");
    }

    /** Every tap a NIC of either model plugs into: the hypervisor creates them, not Weft. */
    static List<String> taps() {
        return List.of(NIC_WEB, NIC_DB, NIC_GRE, NIC_VLAN, NIC_OPEN, NIC_BARE).stream()
                .map(RichHostModels::tap)
                .toList();
    }

    static String tap(String nicId) {
        return "tap" + nicId.substring("nic-".length());
    }

    HostModel initial() {
        return new HostModel(
                "hv1",
                tunnelEndpoint,
                bridgeSettings(),
                List.of(webNic(), dbNic(), greNic(), vlanNic(), openNic(), bareNic()),
                List.of(vxlanNetwork(), greNetwork(), vlanNetwork()),
                List.of(webGroup(443, true), dbGroup(), cloudStackGroup()),
                Map.of(
                        SG_WEB, ips("10.10.0.11", "10.10.0.12", MEMBER_LEAVING_WEB, "fd00:10::11", "fd00:10::21"),
                        SG_DB, ips("10.10.0.12", "10.10.0.22", "172.16.0.5"),
                        SG_CS, ips()));
    }

    /**
     * nic-db removed; net-gre removed with its only NIC; sg-web opens 8443 instead of 443 and no
     * longer refers to itself over IPv6 (its IPv6 set goes); sg-web and sg-db gain and lose members.
     */
    HostModel changed() {
        return new HostModel(
                "hv1",
                tunnelEndpoint,
                bridgeSettings(),
                List.of(webNic(), vlanNic(), openNic(), bareNic()),
                List.of(vxlanNetwork(), vlanNetwork()),
                List.of(webGroup(8443, false), dbGroup(), cloudStackGroup()),
                Map.of(
                        SG_WEB, ips("10.10.0.11", "10.10.0.12", "10.10.0.31", "fd00:10::11", "fd00:10::21"),
                        SG_DB, ips("10.10.0.12", "10.10.0.22", "10.10.0.32"),
                        SG_CS, ips()));
    }

    private static BridgeSettings bridgeSettings() {
        return new BridgeSettings(BRIDGE, "netdev", Optional.of(VLAN_UPLINK), true);
    }

    private static LocalNic webNic() {
        return new LocalNic(
                NIC_WEB,
                NET_VX,
                MacAddress.parse("02:00:0a:0a:00:0b"),
                ips("10.10.0.11", "fd00:10::11"),
                List.of(
                        AllowedAddressPair.of("10.10.0.100"),
                        AllowedAddressPair.of("fd00:10::100"),
                        new AllowedAddressPair(
                                Cidr.parse("10.9.0.0/16"), Optional.of(MacAddress.parse("02:00:0a:0a:00:99"))),
                        new AllowedAddressPair(
                                Cidr.parse("fd00:99::/64"), Optional.of(MacAddress.parse("02:00:0a:0a:00:98")))),
                true,
                List.of(SG_WEB, SG_CS),
                tap(NIC_WEB));
    }

    private static LocalNic dbNic() {
        return secured(NIC_DB, NET_VX, "02:00:0a:0a:00:0c", List.of(SG_DB), "10.10.0.12");
    }

    private static LocalNic greNic() {
        return secured(NIC_GRE, NET_GRE, "02:00:0b:0a:00:0d", List.of(SG_WEB, SG_DB), "10.20.0.13", "fd00:20::13");
    }

    private static LocalNic vlanNic() {
        return secured(NIC_VLAN, NET_VLAN, "02:00:0c:0a:00:0e", List.of(SG_DB), "172.16.0.14");
    }

    /** Port security on but no group and no address: it may send nothing but its own probes. */
    private static LocalNic bareNic() {
        return secured(NIC_BARE, NET_VX, "02:00:0a:0a:00:0a", List.of());
    }

    private static LocalNic openNic() {
        return new LocalNic(
                NIC_OPEN,
                NET_VLAN,
                MacAddress.parse("02:00:0c:0a:00:0f"),
                ips("172.16.0.15"),
                List.of(),
                false,
                List.of(),
                tap(NIC_OPEN));
    }

    private static LocalNic secured(String nicId, String networkId, String mac, List<String> groups, String... ips) {
        return new LocalNic(nicId, networkId, MacAddress.parse(mac), ips(ips), List.of(), true, groups, tap(nicId));
    }

    private NetworkView vxlanNetwork() {
        return new NetworkView(
                NET_VX,
                new Segment(SegmentType.VXLAN, 5001),
                List.of(remoteHost2, remoteHost3),
                List.of(
                        new RemoteNic(MacAddress.parse("02:00:0a:0a:00:15"), ips(MEMBER_LEAVING_WEB), remoteHost2),
                        new RemoteNic(
                                MacAddress.parse("02:00:0a:0a:00:16"), ips("10.10.0.22", "fd00:10::22"), remoteHost3)));
    }

    private NetworkView greNetwork() {
        return new NetworkView(
                NET_GRE,
                new Segment(SegmentType.GRE, 7001),
                List.of(remoteHost2),
                List.of(new RemoteNic(MacAddress.parse("02:00:0b:0a:00:17"), ips("10.20.0.23"), remoteHost2)));
    }

    private static NetworkView vlanNetwork() {
        return new NetworkView(NET_VLAN, new Segment(SegmentType.VLAN, 42), List.of(), List.of());
    }

    /** EC2 style: only the listed egress. TCP, ICMP, ICMPv6, protocol numbers, CIDRs and group references. */
    private static SecurityGroup webGroup(int httpsPort, boolean refersToItselfOverIpv6) {
        List<SecurityGroupRule> rules = new java.util.ArrayList<>(List.of(
                SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(httpsPort),
                        RemoteSide.cidr("0.0.0.0/0")),
                SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV6,
                        Protocol.TCP,
                        new PortRange(8000, 8080),
                        RemoteSide.cidr("2001:DB8::1/32")),
                SecurityGroupRule.icmp(
                        Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(8, 0), RemoteSide.cidr("10.1.2.3/8")),
                SecurityGroupRule.icmp(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        new IcmpMatch(3, IcmpMatch.ANY),
                        RemoteSide.cidr("0.0.0.0/0")),
                SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV6,
                        Protocol.TCP,
                        PortRange.single(25),
                        RemoteSide.cidr("2001:db8::5/128")),
                SecurityGroupRule.icmp(
                        Direction.INGRESS, IpFamily.IPV6, new IcmpMatch(128, IcmpMatch.ANY), RemoteSide.cidr("::/0")),
                SecurityGroupRule.ports(
                        Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, PortRange.single(22), RemoteSide.group(SG_DB)),
                SecurityGroupRule.of(
                        Direction.INGRESS, IpFamily.IPV4, new Protocol(47), RemoteSide.cidr("192.0.2.0/24")),
                SecurityGroupRule.ports(
                        Direction.EGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(443),
                        RemoteSide.cidr("0.0.0.0/0")),
                SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV6)));
        if (refersToItselfOverIpv6) {
            rules.add(SecurityGroupRule.ports(
                    Direction.INGRESS, IpFamily.IPV6, Protocol.UDP, PortRange.single(53), RemoteSide.group(SG_WEB)));
        }
        return new SecurityGroup(SG_WEB, EgressDefault.EXPLICIT_RULES_ONLY, rules);
    }

    /** CloudStack style with one egress rule, so its egress is limited to that rule. */
    private static SecurityGroup dbGroup() {
        return new SecurityGroup(
                SG_DB,
                EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(5432),
                                RemoteSide.group(SG_WEB)),
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV4, Protocol.ALL, RemoteSide.cidr("10.20.0.0/16")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                new IcmpMatch(IcmpMatch.ANY, IcmpMatch.ANY),
                                RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.ports(
                                Direction.EGRESS,
                                IpFamily.IPV4,
                                Protocol.UDP,
                                PortRange.single(53),
                                RemoteSide.cidr("10.0.0.53/32")),
                        SecurityGroupRule.ports(
                                Direction.EGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                new PortRange(1, 65535),
                                RemoteSide.group(SG_WEB))));
    }

    /** CloudStack style without egress rules: all egress allowed. UDP ranges, SCTP by number, ICMPv6 type+code. */
    private static SecurityGroup cloudStackGroup() {
        return new SecurityGroup(
                SG_CS,
                EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.UDP,
                                new PortRange(4789, 4790),
                                RemoteSide.cidr("10.30.0.1/32")),
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV6, new Protocol(132), RemoteSide.cidr("fd00::/8")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV6, new IcmpMatch(1, 4), RemoteSide.cidr("::/0")),
                        SecurityGroupRule.of(Direction.INGRESS, IpFamily.IPV4, Protocol.ALL, RemoteSide.group(SG_CS))));
    }

    private static List<IpAddress> ips(String... texts) {
        return Arrays.stream(texts).map(IpAddress::parse).toList();
    }
}
