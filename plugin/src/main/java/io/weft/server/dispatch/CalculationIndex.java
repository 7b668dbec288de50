package io.weft.server.dispatch;

import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.MemberBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who holds what, kept up to date as NICs and groups change: which hosts carry which networks and
 * group members (with counts, since several NICs of a host may share them), which NICs are members
 * of which group, and which groups' rules reference which groups.
 */
final class CalculationIndex {
    private final Map<String, Set<String>> nicsByHost = new HashMap<>();
    private final Map<String, Map<String, Integer>> hostsByNetwork = new HashMap<>();
    private final Map<String, Map<String, Integer>> hostsByGroup = new HashMap<>();
    private final Map<String, Set<String>> membersByGroup = new HashMap<>();
    /**
     * group → its members' addresses, each with how many member NICs hold it: an address leaves
     * the group's set only when the last NIC holding it leaves the group.
     */
    private final Map<String, Map<IpAddress, Integer>> addressesByGroup = new HashMap<>();

    private final Map<String, Set<String>> nicsByNetwork = new HashMap<>();
    /** referenced group → groups whose rules name it. */
    private final Map<String, Set<String>> referencedBy = new HashMap<>();
    /** group → its member addresses as a sorted immutable list, made on first use after a change. */
    private final Map<String, List<IpAddress>> addressLists = new HashMap<>();

    private final GroupMemberBlocks blocks = new GroupMemberBlocks();

    void addNic(FleetNic nic) {
        nicsByNetwork.computeIfAbsent(nic.networkId(), k -> new TreeSet<>()).add(nic.nicId());
        for (String groupId : nic.securityGroupIds()) {
            membersByGroup.computeIfAbsent(groupId, k -> new TreeSet<>()).add(nic.nicId());
            for (IpAddress address : nic.ips()) {
                increment(addressesByGroup, groupId, address);
                addressChanged(groupId, address);
            }
        }
        nic.hostId().ifPresent(host -> {
            nicsByHost.computeIfAbsent(host, k -> new TreeSet<>()).add(nic.nicId());
            increment(hostsByNetwork, nic.networkId(), host);
            for (String groupId : nic.securityGroupIds()) {
                increment(hostsByGroup, groupId, host);
            }
        });
    }

    void removeNic(FleetNic nic) {
        removeFrom(nicsByNetwork, nic.networkId(), nic.nicId());
        for (String groupId : nic.securityGroupIds()) {
            removeFrom(membersByGroup, groupId, nic.nicId());
            for (IpAddress address : nic.ips()) {
                decrement(addressesByGroup, groupId, address);
                addressChanged(groupId, address);
            }
        }
        nic.hostId().ifPresent(host -> {
            removeFrom(nicsByHost, host, nic.nicId());
            decrement(hostsByNetwork, nic.networkId(), host);
            for (String groupId : nic.securityGroupIds()) {
                decrement(hostsByGroup, groupId, host);
            }
        });
    }

    void replaceGroupReferences(FleetGroup previous, FleetGroup current) {
        if (previous != null) {
            for (String referenced : previous.referencedGroups()) {
                removeFrom(referencedBy, referenced, previous.groupId());
            }
        }
        if (current != null) {
            for (String referenced : current.referencedGroups()) {
                referencedBy.computeIfAbsent(referenced, k -> new TreeSet<>()).add(current.groupId());
            }
        }
    }

    Set<String> nicsOnHost(String hostId) {
        return new TreeSet<>(nicsByHost.getOrDefault(hostId, Set.of()));
    }

    Set<String> nicsOnNetwork(String networkId) {
        return new TreeSet<>(nicsByNetwork.getOrDefault(networkId, Set.of()));
    }

    Set<String> membersOf(String groupId) {
        return new TreeSet<>(membersByGroup.getOrDefault(groupId, Set.of()));
    }

    /** The addresses of the group's member NICs, sorted: what its ipsets hold. */
    SortedSet<IpAddress> memberAddresses(String groupId) {
        return new TreeSet<>(addressesByGroup.getOrDefault(groupId, Map.of()).keySet());
    }

    /**
     * The same addresses as one immutable list, shared by every host model built until the group's
     * addresses change again.
     */
    List<IpAddress> memberAddressList(String groupId) {
        List<IpAddress> list = addressLists.get(groupId); // a plain read once made: see prepareMemberCaches
        if (list == null) {
            list = List.copyOf(memberAddresses(groupId));
            addressLists.put(groupId, list);
        }
        return list;
    }

    /**
     * The group's members of {@code family} as the block every host state holding the group's set
     * shares: the same object until the group's addresses of that family change.
     */
    MemberBlock memberBlock(String groupId, IpFamily family) {
        return blocks.block(
                groupId,
                family,
                id -> addressesByGroup.getOrDefault(id, Map.of()).keySet(),
                address -> isMemberAddress(groupId, address));
    }

    /**
     * Makes every referenced group's member list and blocks now, so that reading the index — host
     * models and compiles — changes nothing in it until the fleet changes again: several threads may
     * then compile hosts at once.
     */
    void prepareMemberCaches() {
        for (String groupId : referencedBy.keySet()) {
            memberAddressList(groupId);
            for (IpFamily family : IpFamily.values()) {
                memberBlock(groupId, family);
            }
        }
    }

    private void addressChanged(String groupId, IpAddress address) {
        addressLists.remove(groupId);
        blocks.addressChanged(groupId, address);
    }

    /** Whether some member NIC of the group holds the address. */
    boolean isMemberAddress(String groupId, IpAddress address) {
        return addressesByGroup.getOrDefault(groupId, Map.of()).containsKey(address);
    }

    Set<String> hostsOnNetwork(String networkId) {
        return new TreeSet<>(hostsByNetwork.getOrDefault(networkId, Map.of()).keySet());
    }

    /** Hosts with at least one NIC in the group: they hold the group's rules in their chains. */
    Set<String> hostsWithMembersOf(String groupId) {
        return new TreeSet<>(hostsByGroup.getOrDefault(groupId, Map.of()).keySet());
    }

    /** Hosts whose rules name the group as a remote side: they hold its members in an ipset. */
    Set<String> hostsReferencing(String groupId) {
        Set<String> hosts = new TreeSet<>();
        for (String referencing : referencedBy.getOrDefault(groupId, Set.of())) {
            hosts.addAll(hostsWithMembersOf(referencing));
        }
        return hosts;
    }

    /** Hosts that share at least one network with the host (its tunnel peers). */
    Set<String> peersOf(String hostId) {
        Set<String> peers = new TreeSet<>();
        for (Map.Entry<String, Map<String, Integer>> network : hostsByNetwork.entrySet()) {
            if (network.getValue().containsKey(hostId)) {
                peers.addAll(network.getValue().keySet());
            }
        }
        peers.remove(hostId);
        return peers;
    }

    private static <T> void increment(Map<String, Map<T, Integer>> counts, String key, T host) {
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(host, 1, Integer::sum);
    }

    private static <T> void decrement(Map<String, Map<T, Integer>> counts, String key, T host) {
        Map<T, Integer> hosts = counts.get(key);
        if (hosts == null) {
            return;
        }
        hosts.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
        if (hosts.isEmpty()) {
            counts.remove(key);
        }
    }

    private static void removeFrom(Map<String, Set<String>> sets, String key, String value) {
        Set<String> set = sets.get(key);
        if (set != null) {
            set.remove(value);
            if (set.isEmpty()) {
                sets.remove(key);
            }
        }
    }
}
