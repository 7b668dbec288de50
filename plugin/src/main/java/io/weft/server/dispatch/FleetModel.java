package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dispatcher's in-memory copy of everything that shapes host state — hosts, networks, NICs and
 * security groups — with the calculation index that answers "which hosts does this change touch?".
 *
 * <p>Every mutator returns the hosts whose desired state may change: the union of the hosts
 * affected before and after the change, so that removals reach the hosts that must forget. The
 * answer may be a superset; the dispatcher only sends hosts whose compiled state really differs.
 * Not thread-safe: the dispatcher owns it on one thread.
 */
public final class FleetModel {
    private final Map<String, FleetHost> hosts = new HashMap<>();
    private final Map<String, FleetNetwork> networks = new HashMap<>();
    private final Map<String, FleetNic> nics = new HashMap<>();
    private final Map<String, FleetGroup> groups = new HashMap<>();
    private final CalculationIndex index = new CalculationIndex();

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
    public Set<String> putHost(FleetHost host) {
        requireNonNull(host, "host is null");
        hosts.put(host.hostId(), host);
        Set<String> affected = index.peersOf(host.hostId());
        affected.add(host.hostId());
        return affected;
    }

    /** Removes a host: every host that shared a network with it withdraws it as a tunnel peer. */
    public Set<String> removeHost(String hostId) {
        Set<String> affected = index.peersOf(hostId);
        hosts.remove(hostId);
        for (FleetNic nic : nics.values().stream().toList()) {
            if (nic.hostId().filter(hostId::equals).isPresent()) {
                affected.addAll(putNic(nic.boundTo(Optional.empty())));
            }
        }
        affected.remove(hostId);
        return affected;
    }

    public Set<String> putNetwork(FleetNetwork network) {
        requireNonNull(network, "network is null");
        networks.put(network.networkId(), network);
        return index.hostsOnNetwork(network.networkId());
    }

    public Set<String> removeNetwork(String networkId) {
        Set<String> affected = index.hostsOnNetwork(networkId);
        networks.remove(networkId);
        return affected;
    }

    /** Adds, changes, binds, unbinds or regroups a NIC. */
    public Set<String> putNic(FleetNic nic) {
        requireNonNull(nic, "nic is null");
        Set<String> affected = new TreeSet<>();
        FleetNic previous = nics.get(nic.nicId());
        if (previous != null) {
            affected.addAll(reach(previous));
            index.removeNic(previous);
        }
        nics.put(nic.nicId(), nic);
        index.addNic(nic);
        affected.addAll(reach(nic));
        return affected;
    }

    public Set<String> removeNic(String nicId) {
        FleetNic previous = nics.remove(nicId);
        if (previous == null) {
            return new TreeSet<>();
        }
        Set<String> affected = reach(previous);
        index.removeNic(previous);
        return affected;
    }

    /** Adds or changes a group's rules: every host with a member NIC recompiles its chains. */
    public Set<String> putGroup(FleetGroup group) {
        requireNonNull(group, "group is null");
        FleetGroup previous = groups.put(group.groupId(), group);
        index.replaceGroupReferences(previous, group);
        return index.hostsWithMembersOf(group.groupId());
    }

    public Set<String> removeGroup(String groupId) {
        Set<String> affected = index.hostsWithMembersOf(groupId);
        FleetGroup previous = groups.remove(groupId);
        index.replaceGroupReferences(previous, null);
        return affected;
    }

    /**
     * The hosts whose state depends on this NIC: its own host, every host on its network (they hold
     * a flow to its MAC), and every host whose rules name one of its groups (they hold its IPs).
     */
    private Set<String> reach(FleetNic nic) {
        Set<String> reached = new TreeSet<>();
        nic.hostId().ifPresent(reached::add);
        reached.addAll(index.hostsOnNetwork(nic.networkId()));
        for (String groupId : nic.securityGroupIds()) {
            reached.addAll(index.hostsReferencing(groupId));
        }
        return reached;
    }
}
