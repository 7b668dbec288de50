package io.weft.server.dispatch;

import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import java.util.List;
import java.util.Optional;

/** Small, readable fleet objects for dispatcher tests. */
final class FleetFixtures {
    private FleetFixtures() {}

    static FleetHost host(int n) {
        return new FleetHost("h" + n, IpAddress.parse("10.250.0." + n), BridgeSettings.defaults());
    }

    static FleetNetwork network(int n) {
        return new FleetNetwork("net" + n, new Segment(SegmentType.VXLAN, 5000 + n));
    }

    static FleetNic nic(int n, int network, Integer host, String... groups) {
        return new FleetNic(
                "nic" + n,
                "net" + network,
                Optional.ofNullable(host).map(h -> "h" + h),
                MacAddress.parse(String.format("02:00:00:00:%02x:%02x", n / 256, n % 256)),
                List.of(IpAddress.parse("10.1." + (n / 250) + "." + (n % 250 + 2))),
                List.of(),
                true,
                List.of(groups),
                "tap" + n);
    }

    /** A NIC with the given addresses, which other NICs may share (e.g. after a VM moved). */
    static FleetNic nicWithIps(int n, int network, Integer host, List<String> ips, String... groups) {
        FleetNic nic = nic(n, network, host, groups);
        return new FleetNic(
                nic.nicId(),
                nic.networkId(),
                nic.hostId(),
                nic.mac(),
                ips.stream().map(IpAddress::parse).toList(),
                List.of(),
                true,
                List.of(groups),
                nic.tapDevice());
    }

    static FleetGroup group(String id, SecurityGroupRule... rules) {
        return new FleetGroup(id, EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, List.of(rules));
    }

    static SecurityGroupRule tcpFrom(int port, String remoteGroup) {
        return SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, PortRange.single(port), RemoteSide.group(remoteGroup));
    }

    static SecurityGroupRule tcpFromCidr(int port, String cidr) {
        return SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, PortRange.single(port), RemoteSide.cidr(cidr));
    }
}
