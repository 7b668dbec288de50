package io.weft.bench.model;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Cidr;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.HostModel;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds large host models from a {@link LargeHostShape}, deterministically: the same shape always
 * gives the same model, so runs on different days and machines measure the same work.
 *
 * <p>Every address is computed from small indexes (no randomness), in ranges that never overlap:
 * local NICs in 10.128/16, rule CIDRs in 12/8, referenced-group members in 11/8, remote NICs in
 * 13/8, tunnel endpoints in 198.18/15.
 */
public final class LargeHostModels {
    public static final String HOST_ID = "bench-host";

    private static final long LOCAL_NIC_BASE = address(10, 128, 0, 0);
    private static final long MEMBER_BASE = address(11, 0, 0, 0);
    private static final long RULE_CIDR_BASE = address(12, 0, 0, 0);
    private static final long REMOTE_NIC_BASE = address(13, 0, 0, 0);
    private static final long REMOTE_HOST_BASE = address(198, 18, 0, 0);
    private static final long LOCAL_TUNNEL_ENDPOINT = address(198, 19, 0, 1);
    private static final int LOCAL_MAC_SPACE = 0x3e;
    private static final int REMOTE_MAC_SPACE = 0x3f;
    /** Members of one referenced group are numbered inside one /16, so groups never share an address. */
    private static final int MEMBERS_PER_BLOCK = 65_536;

    private LargeHostModels() {}

    public static HostModel host(LargeHostShape shape) {
        requireNonNull(shape, "shape is null");
        return new HostModel(
                HOST_ID,
                ipv4(LOCAL_TUNNEL_ENDPOINT),
                BridgeSettings.defaults(),
                nics(shape),
                networks(shape),
                groups(shape),
                members(shape),
                HostModel.DEFAULT_GROUPS_PER_NIC);
    }

    /** The id of the {@code index}-th group that rules reference as their remote side. */
    public static String referencedGroupId(int index) {
        return "sg-peers-%03d".formatted(index);
    }

    /** An address not yet in the referenced group: the next one in its numbering. */
    public static IpAddress newMemberOf(LargeHostShape shape, int referencedGroup) {
        return memberAddress(referencedGroup, shape.membersPerReferencedGroup());
    }

    /**
     * The same host after {@code member} joined {@code groupId}: what the server's model builder
     * gives the compiler when one VM is added to a referenced group.
     */
    public static HostModel withMemberAdded(HostModel model, String groupId, IpAddress member) {
        Map<String, List<IpAddress>> members = new TreeMap<>(model.groupMembers());
        List<IpAddress> grown = new ArrayList<>(members.get(groupId));
        grown.add(member);
        members.put(groupId, grown);
        return new HostModel(
                model.hostId(),
                model.tunnelEndpoint(),
                model.bridge(),
                model.nics(),
                model.networks(),
                model.groups(),
                members,
                model.groupsPerNicLimit());
    }

    private static List<LocalNic> nics(LargeHostShape shape) {
        List<LocalNic> nics = new ArrayList<>(shape.nics());
        for (int i = 0; i < shape.nics(); i++) {
            List<String> groupIds = new ArrayList<>(shape.groupsPerNic());
            // Consecutive windows over the pool: neighbouring NICs share most of their groups.
            for (int k = 0; k < shape.groupsPerNic(); k++) {
                groupIds.add(pooledGroupId((i + k) % shape.groupPool()));
            }
            String nicId = "nic-%04d".formatted(i);
            nics.add(new LocalNic(
                    nicId,
                    networkId(i % shape.networks()),
                    mac(LOCAL_MAC_SPACE, 0, i >> 8, i & 0xff),
                    List.of(ipv4(LOCAL_NIC_BASE + 256L * (i / 250) + (i % 250) + 1)),
                    List.of(),
                    true,
                    groupIds,
                    "tap" + nicId));
        }
        return nics;
    }

    private static List<NetworkView> networks(LargeHostShape shape) {
        List<NetworkView> networks = new ArrayList<>(shape.networks());
        for (int n = 0; n < shape.networks(); n++) {
            List<IpAddress> remoteHosts = new ArrayList<>();
            for (int h = 0; h < shape.remoteHostsPerNetwork(); h++) {
                remoteHosts.add(ipv4(REMOTE_HOST_BASE + 256L * n + h + 1));
            }
            List<RemoteNic> remoteNics = new ArrayList<>();
            for (int j = 0; j < shape.remoteNicsPerNetwork(); j++) {
                remoteNics.add(new RemoteNic(
                        mac(REMOTE_MAC_SPACE, n, j >> 8, j & 0xff),
                        List.of(ipv4(REMOTE_NIC_BASE + (long) MEMBERS_PER_BLOCK * n + j + 1)),
                        remoteHosts.get(j % remoteHosts.size())));
            }
            networks.add(
                    new NetworkView(networkId(n), new Segment(SegmentType.VXLAN, 1000 + n), remoteHosts, remoteNics));
        }
        return networks;
    }

    private static List<SecurityGroup> groups(LargeHostShape shape) {
        List<SecurityGroup> groups = new ArrayList<>(shape.groupPool());
        for (int g = 0; g < shape.groupPool(); g++) {
            List<SecurityGroupRule> rules = new ArrayList<>(shape.rulesPerGroup());
            for (int r = 0; r < shape.rulesPerGroup(); r++) {
                rules.add(rule(shape, g, r));
            }
            groups.add(new SecurityGroup(pooledGroupId(g), EgressDefault.EXPLICIT_RULES_ONLY, rules));
        }
        return groups;
    }

    /**
     * One rule in ten names a referenced group (the rules that make ipsets), one in ten is egress,
     * the rest are ingress TCP or UDP from a small CIDR. The port encodes (group, rule), so no two
     * rules of the pool are equal and the union over a NIC's groups keeps them all.
     */
    private static SecurityGroupRule rule(LargeHostShape shape, int group, int rule) {
        PortRange port = PortRange.single(1000 + group * 100 + rule);
        Cidr cidr = new Cidr(ipv4(RULE_CIDR_BASE + 16L * (group * 100 + rule)), 28);
        if (rule % 10 == 0) {
            String remote = referencedGroupId((group + rule / 10) % shape.referencedGroups());
            return SecurityGroupRule.ports(
                    Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, port, RemoteSide.group(remote));
        }
        if (rule % 10 == 9) {
            return SecurityGroupRule.ports(
                    Direction.EGRESS, IpFamily.IPV4, Protocol.TCP, port, new RemoteSide.RemoteCidr(cidr));
        }
        Protocol protocol = rule % 2 == 0 ? Protocol.TCP : Protocol.UDP;
        return SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, protocol, port, new RemoteSide.RemoteCidr(cidr));
    }

    private static Map<String, List<IpAddress>> members(LargeHostShape shape) {
        Map<String, List<IpAddress>> members = new TreeMap<>();
        for (int k = 0; k < shape.referencedGroups(); k++) {
            List<IpAddress> addresses = new ArrayList<>(shape.membersPerReferencedGroup());
            for (int m = 0; m < shape.membersPerReferencedGroup(); m++) {
                addresses.add(memberAddress(k, m));
            }
            members.put(referencedGroupId(k), addresses);
        }
        return members;
    }

    private static IpAddress memberAddress(int group, int member) {
        return ipv4(MEMBER_BASE + (long) MEMBERS_PER_BLOCK * group + member);
    }

    private static String pooledGroupId(int index) {
        return "sg-pool-%03d".formatted(index);
    }

    private static String networkId(int index) {
        return "net-%03d".formatted(index);
    }

    /** {@code fa:16:<space>:a:b:c}; local NICs and remote NICs use different spaces so MACs never clash. */
    private static MacAddress mac(int space, int a, int b, int c) {
        return MacAddress.parse("fa:16:%02x:%02x:%02x:%02x".formatted(space, a, b, c));
    }

    private static IpAddress ipv4(long value) {
        return new IpAddress(IpFamily.IPV4, 0, value);
    }

    private static long address(int a, int b, int c, int d) {
        return ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
    }
}
