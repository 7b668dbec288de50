package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.IpAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dispatcher's in-memory copy of everything that shapes host state — hosts, networks, NICs and
 * security groups — with the calculation index that answers "which hosts does this change touch?".
 *
 * <p>Every mutator returns the hosts whose desired state may change ({@link FleetReach}): the union
 * of the hosts affected before and after the change, so that removals reach the hosts that must
 * forget, split into hosts that must recompile and hosts that only reference a group whose members
 * changed. The answer may be a superset; the dispatcher only sends hosts whose state really differs.
 * Not thread-safe: the dispatcher owns it on one thread.
 */
public final class FleetModel {
    private final Map<String, FleetHost> hosts = new HashMap<>();
    private final Map<String, FleetNetwork> networks = new HashMap<>();
    private final Map<String, FleetNic> nics = new HashMap<>();
    private final Map<String, FleetGroup> groups = new HashMap<>();
    private final CalculationIndex index = new CalculationIndex();
    /** Off while a whole fleet is loaded: nobody reads the reaches then, and at scale they cost most of the load. */
    private boolean tracingReach = true;

    /**
     * A fleet holding what the changes make, applied without working out which hosts each one
     * reaches (every mutator returns an empty reach meanwhile): for a planner that plans every host
     * anyway, at start or on a reload. A NIC's reach names every host referencing its groups, so
     * tracing it for each of 100,000 NICs would cost NICs × referencing hosts.
     */
    public static FleetModel of(List<? extends FleetChange> changes) {
        FleetModel fleet = new FleetModel();
        fleet.tracingReach = false;
        try {
            changes.forEach(change -> change.apply(fleet));
        } finally {
            fleet.tracingReach = true;
        }
        return fleet;
    }

    public Optional<FleetHost> host(String hostId) {
        return Optional.ofNullable(hosts.get(hostId));
    }

    public Optional<FleetNetwork> network(String networkId) {
        return Optional.ofNullable(networks.get(networkId));
    }

    public Optional<FleetNic> nic(String nicId) {
        return Optional.ofNullable(nics.get(nicId));
    }

    public Optional<FleetGroup> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    public Set<String> hostIds() {
        return new TreeSet<>(hosts.keySet());
    }

    public Collection<FleetNic> nics() {
        return nics.values();
    }

    CalculationIndex index() {
        return index;
    }

    /** Adds or changes a host; its peers must learn a new tunnel endpoint. */
    public FleetReach putHost(FleetHost host) {
        requireNonNull(host, "host is null");
        hosts.put(host.hostId(), host);
        if (!tracingReach) {
            return FleetReach.NONE;
        }
        Set<String> affected = index.peersOf(host.hostId());
        affected.add(host.hostId());
        return new FleetReach.Builder().recompile(affected).build();
    }

    /** Removes a host: every host that shared a network with it withdraws it as a tunnel peer. */
    public FleetReach removeHost(String hostId) {
        FleetReach.Builder reach = new FleetReach.Builder();
        if (tracingReach) {
            reach.recompile(index.peersOf(hostId));
        }
        hosts.remove(hostId);
        for (FleetNic nic : nics.values().stream().toList()) {
            if (nic.hostId().filter(hostId::equals).isPresent()) {
                reach.add(putNic(nic.boundTo(Optional.empty())));
            }
        }
        FleetReach reached = reach.build();
        Set<String> recompile = new TreeSet<>(reached.recompile());
        Set<String> referencing = new TreeSet<>(reached.referencing());
        recompile.remove(hostId);
        referencing.remove(hostId);
        return new FleetReach.Builder()
                .recompile(recompile)
                .referencing(referencing)
                .build();
    }

    public FleetReach putNetwork(FleetNetwork network) {
        requireNonNull(network, "network is null");
        networks.put(network.networkId(), network);
        if (!tracingReach) {
            return FleetReach.NONE;
        }
        return new FleetReach.Builder()
                .recompile(index.hostsOnNetwork(network.networkId()))
                .build();
    }

    public FleetReach removeNetwork(String networkId) {
        Set<String> affected = index.hostsOnNetwork(networkId);
        networks.remove(networkId);
        return new FleetReach.Builder().recompile(affected).build();
    }

    /** Adds, changes, binds, unbinds or regroups a NIC. */
    public FleetReach putNic(FleetNic nic) {
        requireNonNull(nic, "nic is null");
        FleetReach.Builder reach = new FleetReach.Builder();
        FleetNic previous = nics.get(nic.nicId());
        // Peers hold only where a NIC is and its addresses: a change of its groups is none of theirs.
        boolean peersToo = previous == null || !looksTheSameToPeers(previous, nic);
        if (previous != null) {
            reach(previous, reach, peersToo);
            index.removeNic(previous);
        }
        nics.put(nic.nicId(), nic);
        index.addNic(nic);
        reach(nic, reach, peersToo);
        changedMemberAddresses(Optional.ofNullable(previous), Optional.of(nic), reach);
        return reach.build();
    }

    public FleetReach removeNic(String nicId) {
        FleetNic previous = nics.remove(nicId);
        FleetReach.Builder reach = new FleetReach.Builder();
        if (previous != null) {
            reach(previous, reach, true);
            index.removeNic(previous);
            changedMemberAddresses(Optional.of(previous), Optional.empty(), reach);
        }
        return reach.build();
    }

    /** Adds or changes a group's rules: every host with a member NIC recompiles its chains. */
    public FleetReach putGroup(FleetGroup group) {
        requireNonNull(group, "group is null");
        FleetGroup previous = groups.put(group.groupId(), group);
        index.replaceGroupReferences(previous, group);
        return new FleetReach.Builder()
                .recompile(index.hostsWithMembersOf(group.groupId()))
                .build();
    }

    /**
     * Removes a group: hosts with member NICs recompile. Its members stay what they were (they are
     * NICs naming the group), so hosts whose rules reference it keep its set as it is.
     */
    public FleetReach removeGroup(String groupId) {
        Set<String> affected = index.hostsWithMembersOf(groupId);
        FleetGroup previous = groups.remove(groupId);
        index.replaceGroupReferences(previous, null);
        return new FleetReach.Builder().recompile(affected).build();
    }

    /**
     * The hosts whose state depends on this NIC: its own host and, with {@code peers}, every host on
     * its network (they hold a flow to its MAC and addresses) must recompile; every host whose rules
     * name one of its groups holds its addresses in that group's set.
     */
    private void reach(FleetNic nic, FleetReach.Builder reach, boolean peers) {
        if (!tracingReach) {
            return;
        }
        nic.hostId().ifPresent(host -> reach.recompile(Set.of(host)));
        if (peers) {
            reach.recompile(index.hostsOnNetwork(nic.networkId()));
        }
        for (String groupId : nic.securityGroupIds()) {
            reach.referencing(index.hostsReferencing(groupId));
        }
    }

    /**
     * Whether the hosts on the NIC's network see both versions alike: a peer holds, of a remote NIC,
     * its network, MAC, addresses and the tunnel endpoint of its host (the rules-engine's {@code
     * RemoteNic}), nothing of its groups, address pairs or port security. So when only those change
     * (a NIC joining or leaving a group), the peers' states stay as they are and need no recompile.
     */
    private static boolean looksTheSameToPeers(FleetNic before, FleetNic after) {
        return before.networkId().equals(after.networkId())
                && before.hostId().equals(after.hostId())
                && before.mac().equals(after.mac())
                && before.ips().equals(after.ips());
    }

    /**
     * Per group of either version, the addresses that are in one version's share of the group but
     * not the other's: only those can have joined or left the group's member set.
     */
    private void changedMemberAddresses(Optional<FleetNic> before, Optional<FleetNic> after, FleetReach.Builder reach) {
        if (!tracingReach) {
            return;
        }
        Set<String> groupIds = new TreeSet<>();
        before.ifPresent(nic -> groupIds.addAll(nic.securityGroupIds()));
        after.ifPresent(nic -> groupIds.addAll(nic.securityGroupIds()));
        for (String groupId : groupIds) {
            Set<IpAddress> was = addressesIn(before, groupId);
            Set<IpAddress> is = addressesIn(after, groupId);
            Set<IpAddress> changed = new TreeSet<>(was);
            changed.addAll(is);
            Set<IpAddress> kept = new TreeSet<>(was);
            kept.retainAll(is);
            changed.removeAll(kept);
            reach.memberAddresses(groupId, changed);
        }
    }

    private static Set<IpAddress> addressesIn(Optional<FleetNic> nic, String groupId) {
        return nic.filter(n -> n.securityGroupIds().contains(groupId))
                .<Set<IpAddress>>map(n -> new TreeSet<>(n.ips()))
                .orElse(Set.of());
    }
}
