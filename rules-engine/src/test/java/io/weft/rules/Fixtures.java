package io.weft.rules;

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

/** A small but complete host: VXLAN and VLAN networks, IPv4 and IPv6, a referenced group, pairs. */
public final class Fixtures {
    public static final String WEB = "sg-web";
    public static final String DB = "sg-db";
    public static final String OPEN = "sg-open";

    private Fixtures() {}

    public static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    public static List<IpAddress> ips(String... texts) {
        return Arrays.stream(texts).map(IpAddress::parse).toList();
    }

    public static LocalNic nic(String id, String network, String mac, List<String> groups, String... addresses) {
        return new LocalNic(id, network, MacAddress.parse(mac), ips(addresses), List.of(), true, groups, "tap" + id);
    }

    public static SecurityGroup webGroup() {
        return new SecurityGroup(
                WEB,
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(443),
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
                                Direction.INGRESS, IpFamily.IPV6, new IcmpMatch(128, -1), RemoteSide.cidr("::/0")),
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(22),
                                RemoteSide.group(DB)),
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4),
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV6)));
    }

    public static SecurityGroup dbGroup() {
        return new SecurityGroup(
                DB,
                EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(5432),
                                RemoteSide.group(WEB)),
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV6,
                                Protocol.UDP,
                                PortRange.single(53),
                                RemoteSide.group(WEB)),
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV4, new Protocol(47), RemoteSide.cidr("192.0.2.0/24"))));
    }

    public static HostModel host() {
        LocalNic web = nic("n1", "net-a", "fa:16:3e:00:00:01", List.of(WEB), "10.0.0.11", "2001:db8:a::11");
        LocalNic db = new LocalNic(
                "n2",
                "net-a",
                MacAddress.parse("fa:16:3e:00:00:02"),
                ips("10.0.0.12"),
                List.of(
                        AllowedAddressPair.of("10.0.0.100"),
                        new AllowedAddressPair(
                                Cidr.parse("10.9.0.0/16"), Optional.of(MacAddress.parse("fa:16:3e:00:00:99")))),
                true,
                List.of(DB, WEB),
                "tapn2");
        LocalNic open = new LocalNic(
                "n3",
                "net-v",
                MacAddress.parse("fa:16:3e:00:00:03"),
                ips("172.16.0.3"),
                List.of(),
                false,
                List.of(),
                "tapn3");
        NetworkView vxlan = new NetworkView(
                "net-a",
                new Segment(SegmentType.VXLAN, 100),
                ips("192.0.2.2", "192.0.2.3"),
                List.of(
                        new RemoteNic(MacAddress.parse("fa:16:3e:00:01:01"), ips("10.0.0.21"), ip("192.0.2.2")),
                        new RemoteNic(MacAddress.parse("fa:16:3e:00:01:02"), ips("10.0.0.22"), ip("192.0.2.3"))));
        NetworkView vlan = new NetworkView("net-v", new Segment(SegmentType.VLAN, 42), List.of(), List.of());
        return new HostModel(
                "host-1",
                ip("192.0.2.1"),
                new BridgeSettings("br-weft", "netdev", Optional.of("eth9"), true),
                List.of(web, db, open),
                List.of(vxlan, vlan),
                List.of(webGroup(), dbGroup()),
                Map.of(
                        WEB, ips("10.0.0.11", "10.0.0.12", "10.0.0.21", "2001:db8:a::11"),
                        DB, ips("10.0.0.12", "10.0.0.22")));
    }
}
