package io.weft.lab.figures;

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
import java.util.Optional;
import java.util.TreeMap;

/**
 * A large host for timing the agent on the real tools, built deterministically from small indexes
 * (the same arguments always give the same model): {@code nics} NICs on {@value #NETWORKS} VXLAN
 * networks, each NIC in {@value #GROUPS_PER_NIC} of a pool of {@value #GROUP_POOL} groups with
 * {@value #RULES_PER_GROUP} rules each (one in ten admits TCP from one of {@value
 * #REFERENCED_GROUPS} referenced groups, one in ten is egress, the rest TCP/UDP from a /28), the
 * referenced groups holding {@code members} addresses each, and every network seen with
 * {@value #REMOTE_HOSTS} remote hosts and {@value #REMOTE_NICS} remote NICs. The same shape as
 * {@code benchmarks}' acceptance host, written again here so the lab does not depend on benchmarks.
 */
public final class FiguresHostModel {
    static final int NETWORKS = 10;
    static final int GROUP_POOL = 20;
    static final int GROUPS_PER_NIC = 5;
    static final int RULES_PER_GROUP = 50;
    static final int REFERENCED_GROUPS = 4;
    static final int REMOTE_HOSTS = 20;
    static final int REMOTE_NICS = 100;

    private FiguresHostModel() {}

    /** The tap of NIC {@code index}; the figures tool creates these before applying. */
    public static String tap(int index) {
        return "tapf%04d".formatted(index);
    }

    public static String referencedGroup(int index) {
        return "sg-ref-%d".formatted(index);
    }

    /** An address that is in no group yet: the next member of referenced group 0. */
    public static IpAddress newMember(int members) {
        return ipv4(11, 0, members >> 8, members & 0xff);
    }

    public static HostModel host(String hostId, IpAddress tunnelEndpoint, String bridge, int nics, int members) {
        Map<String, List<IpAddress>> groupMembers = new TreeMap<>();
        for (int g = 0; g < REFERENCED_GROUPS; g++) {
            List<IpAddress> addresses = new ArrayList<>(members);
            for (int m = 0; m < members; m++) {
                // Referenced group g owns 11.g.0.0/16; members never repeat across groups.
                addresses.add(ipv4(11, g, m >> 8, m & 0xff));
            }
            groupMembers.put(referencedGroup(g), addresses);
        }
        return new HostModel(
                hostId,
                tunnelEndpoint,
                new BridgeSettings(bridge, "netdev", Optional.empty(), true),
                localNics(nics),
                networks(),
                groups(),
                groupMembers);
    }

    /** The same host after {@code member} joined referenced group 0. */
    public static HostModel withMemberAdded(HostModel model, IpAddress member) {
        Map<String, List<IpAddress>> members = new TreeMap<>(model.groupMembers());
        List<IpAddress> grown = new ArrayList<>(members.get(referencedGroup(0)));
        grown.add(member);
        members.put(referencedGroup(0), grown);
        return new HostModel(
                model.hostId(),
                model.tunnelEndpoint(),
                model.bridge(),
                model.nics(),
                model.networks(),
                model.groups(),
                members);
    }

    private static List<LocalNic> localNics(int count) {
        List<LocalNic> nics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> groupIds = new ArrayList<>();
            for (int k = 0; k < GROUPS_PER_NIC; k++) {
                groupIds.add(poolGroup((i + k) % GROUP_POOL));
            }
            nics.add(new LocalNic(
                    "nic-%04d".formatted(i),
                    network(i % NETWORKS),
                    MacAddress.parse("fa:16:3e:00:%02x:%02x".formatted(i >> 8, i & 0xff)),
                    List.of(ipv4(10, 128, i / 250, i % 250 + 1)),
                    List.of(),
                    true,
                    groupIds,
                    tap(i)));
        }
        return nics;
    }

    private static List<NetworkView> networks() {
        List<NetworkView> networks = new ArrayList<>();
        for (int n = 0; n < NETWORKS; n++) {
            List<IpAddress> hosts = new ArrayList<>();
            for (int h = 0; h < REMOTE_HOSTS; h++) {
                hosts.add(ipv4(198, 18, n, h + 1));
            }
            List<RemoteNic> remote = new ArrayList<>();
            for (int j = 0; j < REMOTE_NICS; j++) {
                remote.add(new RemoteNic(
                        MacAddress.parse("fa:16:3f:%02x:%02x:%02x".formatted(n, j >> 8, j & 0xff)),
                        List.of(ipv4(13, n, j >> 8, (j & 0xff) + 1)),
                        hosts.get(j % hosts.size())));
            }
            networks.add(new NetworkView(network(n), new Segment(SegmentType.VXLAN, 1000 + n), hosts, remote));
        }
        return networks;
    }

    private static List<SecurityGroup> groups() {
        List<SecurityGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUP_POOL; g++) {
            List<SecurityGroupRule> rules = new ArrayList<>();
            for (int r = 0; r < RULES_PER_GROUP; r++) {
                rules.add(rule(g, r));
            }
            groups.add(new SecurityGroup(poolGroup(g), EgressDefault.EXPLICIT_RULES_ONLY, rules));
        }
        return groups;
    }

    /** Ports encode (group, rule), so no two rules in the pool are equal and unions keep them all. */
    private static SecurityGroupRule rule(int group, int rule) {
        int index = group * 100 + rule;
        PortRange port = PortRange.single(1000 + index);
        Cidr cidr = new Cidr(ipv4(12, index >> 12, (index >> 4) & 0xff, (index & 0xf) << 4), 28);
        if (rule % 10 == 0) {
            return SecurityGroupRule.ports(
                    Direction.INGRESS,
                    IpFamily.IPV4,
                    Protocol.TCP,
                    port,
                    RemoteSide.group(referencedGroup((group + rule / 10) % REFERENCED_GROUPS)));
        }
        if (rule % 10 == 9) {
            return SecurityGroupRule.ports(
                    Direction.EGRESS, IpFamily.IPV4, Protocol.TCP, port, new RemoteSide.RemoteCidr(cidr));
        }
        Protocol protocol = rule % 2 == 0 ? Protocol.TCP : Protocol.UDP;
        return SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, protocol, port, new RemoteSide.RemoteCidr(cidr));
    }

    private static String poolGroup(int index) {
        return "sg-pool-%02d".formatted(index);
    }

    private static String network(int index) {
        return "net-%02d".formatted(index);
    }

    private static IpAddress ipv4(int a, int b, int c, int d) {
        return IpAddress.parse(a + "." + b + "." + c + "." + d);
    }
}
