package io.weft.rules.testing;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid host models of every shape the compiler handles: both families, all protocols, ICMP
 * type/code, port ranges, CIDR and group remotes, both egress defaults, address pairs with and
 * without MAC, port security off, VXLAN/GRE/VLAN networks with remote hosts and NICs. Ids are
 * drawn from small pools so that models share groups and NICs, which gives diffs real overlap.
 */
public final class RandomModels {
    private RandomModels() {}

    public static Arbitrary<HostModel> hosts() {
        return Arbitraries.randomValue(RandomModels::host);
    }

    public static HostModel host(Random random) {
        List<String> groupIds = new ArrayList<>();
        int groupCount = random.nextInt(5);
        for (int i = 0; i < groupCount; i++) {
            groupIds.add(uuid(random, "group", random.nextInt(8)));
        }
        groupIds = groupIds.stream().distinct().toList();
        List<SecurityGroup> groups = new ArrayList<>();
        Map<String, List<IpAddress>> members = new HashMap<>();
        for (String groupId : groupIds) {
            List<SecurityGroupRule> rules = new ArrayList<>();
            int ruleCount = random.nextInt(7);
            for (int i = 0; i < ruleCount; i++) {
                rules.add(rule(random, groupIds));
            }
            groups.add(new SecurityGroup(
                    groupId,
                    random.nextBoolean()
                            ? EgressDefault.EXPLICIT_RULES_ONLY
                            : EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE,
                    rules));
            List<IpAddress> addresses = new ArrayList<>();
            int memberCount = random.nextInt(6);
            for (int i = 0; i < memberCount; i++) {
                addresses.add(address(random, random.nextInt(3) == 0 ? IpFamily.IPV6 : IpFamily.IPV4));
            }
            members.put(groupId, addresses);
        }

        List<NetworkView> networks = new ArrayList<>();
        Set<String> segments = new HashSet<>();
        int networkCount = 1 + random.nextInt(3);
        for (int i = 0; i < networkCount; i++) {
            SegmentType type = SegmentType.values()[random.nextInt(3)];
            long id = 1 + random.nextInt(type == SegmentType.VLAN ? 4094 : 5000);
            if (!segments.add(type + "/" + id)) {
                continue;
            }
            List<IpAddress> hosts = new ArrayList<>();
            List<RemoteNic> remoteNics = new ArrayList<>();
            int hostCount = random.nextInt(4);
            for (int h = 0; h < hostCount; h++) {
                IpAddress host = IpAddress.parse("198.51.100." + (1 + random.nextInt(50)));
                hosts.add(host);
                if (random.nextBoolean()) {
                    remoteNics.add(new RemoteNic(mac(random), List.of(address(random, IpFamily.IPV4)), host));
                }
            }
            networks.add(new NetworkView(uuid(random, "net", i), new Segment(type, id), hosts, remoteNics));
        }

        List<LocalNic> nics = new ArrayList<>();
        int nicCount = random.nextInt(6);
        Set<String> nicIds = new HashSet<>();
        for (int i = 0; i < nicCount; i++) {
            String nicId = uuid(random, "nic", random.nextInt(10));
            if (!nicIds.add(nicId)) {
                continue;
            }
            boolean portSecurity = random.nextInt(5) != 0;
            List<String> nicGroups = new ArrayList<>();
            if (portSecurity) {
                for (String groupId : groupIds) {
                    if (random.nextBoolean() && nicGroups.size() < HostModel.DEFAULT_GROUPS_PER_NIC) {
                        nicGroups.add(groupId);
                    }
                }
            }
            List<AllowedAddressPair> pairs = new ArrayList<>();
            int pairCount = random.nextInt(3);
            for (int p = 0; p < pairCount; p++) {
                IpFamily family = random.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
                Cidr cidr = new Cidr(
                        address(random, family),
                        family == IpFamily.IPV4 ? 16 + random.nextInt(17) : 64 + random.nextInt(65));
                pairs.add(new AllowedAddressPair(
                        cidr, random.nextBoolean() ? Optional.of(mac(random)) : Optional.empty()));
            }
            List<IpAddress> ips = new ArrayList<>(List.of(address(random, IpFamily.IPV4)));
            if (random.nextBoolean()) {
                ips.add(address(random, IpFamily.IPV6));
            }
            nics.add(new LocalNic(
                    nicId,
                    networks.get(random.nextInt(networks.size())).networkId(),
                    mac(random),
                    ips,
                    pairs,
                    portSecurity,
                    nicGroups,
                    "tap" + nicId.substring(0, 8)));
        }
        BridgeSettings bridge = new BridgeSettings(
                "br-weft", random.nextBoolean() ? "netdev" : "system", Optional.of("eth9"), random.nextBoolean());
        return new HostModel("host", IpAddress.parse("198.51.100.200"), bridge, nics, networks, groups, members);
    }

    private static SecurityGroupRule rule(Random random, List<String> groupIds) {
        Direction direction = random.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
        IpFamily family = random.nextInt(3) == 0 ? IpFamily.IPV6 : IpFamily.IPV4;
        RemoteSide remote = random.nextInt(3) == 0
                ? RemoteSide.group(groupIds.get(random.nextInt(groupIds.size())))
                : new RemoteSide.RemoteCidr(
                        new Cidr(address(random, family), random.nextInt(family.addressBits() + 1)));
        switch (random.nextInt(6)) {
            case 0, 1: {
                Protocol protocol = random.nextBoolean() ? Protocol.TCP : Protocol.UDP;
                if (random.nextInt(4) == 0) {
                    return SecurityGroupRule.of(direction, family, protocol, remote);
                }
                int from = 1 + random.nextInt(65535);
                int to = random.nextBoolean() ? from : from + random.nextInt(65536 - from);
                return SecurityGroupRule.ports(direction, family, protocol, new PortRange(from, to), remote);
            }
            case 2: {
                int type = random.nextInt(4) == 0 ? -1 : random.nextInt(256);
                int code = type == -1 || random.nextBoolean() ? -1 : random.nextInt(256);
                return SecurityGroupRule.icmp(direction, family, new IcmpMatch(type, code), remote);
            }
            case 3:
                return SecurityGroupRule.of(direction, family, Protocol.ALL, remote);
            default: {
                int[] numbers = {2, 47, 50, 51, 89, 112, 132, 136, 250};
                return SecurityGroupRule.of(
                        direction, family, new Protocol(numbers[random.nextInt(numbers.length)]), remote);
            }
        }
    }

    private static String uuid(Random random, String kind, int index) {
        return UUID.nameUUIDFromBytes((kind + index).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static MacAddress mac(Random random) {
        return new MacAddress(String.format(
                "fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256)));
    }

    private static IpAddress address(Random random, IpFamily family) {
        if (family == IpFamily.IPV4) {
            return IpAddress.parse(
                    "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        }
        return IpAddress.parse("2001:db8:" + Integer.toHexString(random.nextInt(4)) + "::"
                + Integer.toHexString(1 + random.nextInt(0xffff)));
    }
}
