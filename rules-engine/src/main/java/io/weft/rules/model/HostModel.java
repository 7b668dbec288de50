package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one host must know to compute its desired state: its local NICs, the networks they
 * are on, the security groups that apply to them, and the members of every group a rule refers to.
 * Validated on construction so that the compiler never sees an inconsistent world.
 */
public record HostModel(
        String hostId,
        IpAddress tunnelEndpoint,
        BridgeSettings bridge,
        List<LocalNic> nics,
        List<NetworkView> networks,
        List<SecurityGroup> groups,
        Map<String, List<IpAddress>> groupMembers,
        int groupsPerNicLimit) {
    /** EC2's default number of security groups per network interface. */
    public static final int DEFAULT_GROUPS_PER_NIC = 5;
    /** EC2's hard ceiling for the per-interface group quota. */
    public static final int MAX_GROUPS_PER_NIC = 16;

    public HostModel {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(tunnelEndpoint, "tunnelEndpoint is null");
        requireNonNull(bridge, "bridge is null");
        nics = List.copyOf(requireNonNull(nics, "nics is null"));
        networks = List.copyOf(requireNonNull(networks, "networks is null"));
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        SortedMap<String, List<IpAddress>> members = new TreeMap<>();
        requireNonNull(groupMembers, "groupMembers is null").forEach((id, ips) -> members.put(id, List.copyOf(ips)));
        groupMembers = java.util.Collections.unmodifiableSortedMap(members);
        if (groupsPerNicLimit < 1 || groupsPerNicLimit > MAX_GROUPS_PER_NIC) {
            throw new InvalidModelException(
                    "groups per NIC limit " + groupsPerNicLimit + " is outside 1-" + MAX_GROUPS_PER_NIC);
        }
        validate(nics, networks, groups, groupMembers, groupsPerNicLimit, bridge);
    }

    public HostModel(
            String hostId,
            IpAddress tunnelEndpoint,
            BridgeSettings bridge,
            List<LocalNic> nics,
            List<NetworkView> networks,
            List<SecurityGroup> groups,
            Map<String, List<IpAddress>> groupMembers) {
        this(hostId, tunnelEndpoint, bridge, nics, networks, groups, groupMembers, DEFAULT_GROUPS_PER_NIC);
    }

    private static void validate(
            List<LocalNic> nics,
            List<NetworkView> networks,
            List<SecurityGroup> groups,
            Map<String, List<IpAddress>> groupMembers,
            int groupsPerNicLimit,
            BridgeSettings bridge) {
        Map<String, NetworkView> networksById = unique(networks, NetworkView::networkId, "network");
        Map<String, SecurityGroup> groupsById = unique(groups, SecurityGroup::groupId, "security group");
        unique(nics, LocalNic::nicId, "NIC");
        Set<String> taps = new HashSet<>();
        for (LocalNic nic : nics) {
            if (!taps.add(nic.tapDevice())) {
                throw new InvalidModelException("tap device " + nic.tapDevice() + " is used by two NICs");
            }
            NetworkView network = networksById.get(nic.networkId());
            if (network == null) {
                throw new InvalidModelException("NIC " + nic.nicId() + " is on unknown network " + nic.networkId());
            }
            if (network.segment().type() == SegmentType.VLAN
                    && bridge.vlanUplink().isEmpty()) {
                throw new InvalidModelException("NIC " + nic.nicId() + " is on VLAN network " + nic.networkId()
                        + " but the host has no VLAN uplink");
            }
            if (nic.securityGroupIds().size() > groupsPerNicLimit) {
                throw new InvalidModelException("NIC " + nic.nicId() + " has "
                        + nic.securityGroupIds().size() + " security groups; the limit is " + groupsPerNicLimit);
            }
            for (String groupId : nic.securityGroupIds()) {
                SecurityGroup group = groupsById.get(groupId);
                if (group == null) {
                    throw new InvalidModelException("NIC " + nic.nicId() + " names unknown security group " + groupId);
                }
                for (SecurityGroupRule rule : group.rules()) {
                    if (rule.remote() instanceof RemoteSide.RemoteGroup remoteGroup
                            && !groupMembers.containsKey(remoteGroup.groupId())) {
                        throw new InvalidModelException("a rule of group " + groupId + " refers to group "
                                + remoteGroup.groupId() + " whose members are not in the model");
                    }
                }
            }
        }
        Set<Long> segments = new HashSet<>();
        for (NetworkView network : networks) {
            long key = ((long) network.segment().type().code() << 40)
                    | network.segment().id();
            if (!segments.add(key)) {
                throw new InvalidModelException("two networks share segment " + network.segment());
            }
        }
    }

    private static <T> Map<String, T> unique(List<T> items, Function<T, String> id, String what) {
        Map<String, T> byId = items.stream().collect(Collectors.toMap(id, item -> item, (a, b) -> {
            throw new InvalidModelException(what + " " + id.apply(a) + " appears twice");
        }));
        return byId;
    }
}
