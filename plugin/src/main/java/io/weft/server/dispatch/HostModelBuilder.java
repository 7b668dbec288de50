package io.weft.server.dispatch;

import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.RemoteNic;
import io.weft.rules.model.SecurityGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Projects the fleet onto one host: the rules-engine's {@link HostModel} for that host, built only
 * from what the host needs — its NICs, their networks with the peers holding them, their groups,
 * and the members of the groups those rules reference.
 */
public final class HostModelBuilder {
    private HostModelBuilder() {}

    public static Optional<HostModel> build(FleetModel fleet, String hostId) {
        Optional<FleetHost> host = fleet.host(hostId);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        CalculationIndex index = fleet.index();
        List<LocalNic> localNics = new ArrayList<>();
        Set<String> networkIds = new TreeSet<>();
        Set<String> groupIds = new TreeSet<>();
        for (String nicId : index.nicsOnHost(hostId)) {
            FleetNic nic = fleet.nic(nicId).orElseThrow();
            if (fleet.network(nic.networkId()).isEmpty()) {
                continue; // the network is being deleted; its NICs follow
            }
            List<String> knownGroups = nic.securityGroupIds().stream()
                    .filter(id -> fleet.group(id).isPresent())
                    .toList();
            localNics.add(new LocalNic(
                    nic.nicId(),
                    nic.networkId(),
                    nic.mac(),
                    nic.ips(),
                    nic.allowedAddressPairs(),
                    nic.portSecurityEnabled(),
                    knownGroups,
                    nic.tapDevice()));
            networkIds.add(nic.networkId());
            groupIds.addAll(knownGroups);
        }
        List<NetworkView> networks = new ArrayList<>();
        for (String networkId : networkIds) {
            networks.add(networkView(fleet, networkId, hostId));
        }
        List<SecurityGroup> groups = new ArrayList<>();
        Map<String, List<IpAddress>> members = new TreeMap<>();
        for (String groupId : groupIds) {
            FleetGroup group = fleet.group(groupId).orElseThrow();
            groups.add(group.toModel());
            for (String referenced : group.referencedGroups()) {
                members.computeIfAbsent(referenced, index::memberAddressList);
            }
        }
        return Optional.of(new HostModel(
                hostId,
                host.get().tunnelEndpoint(),
                host.get().bridge(),
                localNics,
                networks,
                groups,
                members,
                HostModel.MAX_GROUPS_PER_NIC));
    }

    private static NetworkView networkView(FleetModel fleet, String networkId, String hostId) {
        CalculationIndex index = fleet.index();
        Set<IpAddress> remoteHosts = new TreeSet<>();
        for (String peer : index.hostsOnNetwork(networkId)) {
            if (!peer.equals(hostId)) {
                fleet.host(peer).ifPresent(h -> remoteHosts.add(h.tunnelEndpoint()));
            }
        }
        List<RemoteNic> remoteNics = new ArrayList<>();
        for (String nicId : index.nicsOnNetwork(networkId)) {
            FleetNic nic = fleet.nic(nicId).orElseThrow();
            Optional<FleetHost> nicHost = nic.hostId().flatMap(fleet::host);
            if (nicHost.isPresent() && !nicHost.get().hostId().equals(hostId)) {
                remoteNics.add(new RemoteNic(nic.mac(), nic.ips(), nicHost.get().tunnelEndpoint()));
            }
        }
        remoteNics.sort(Comparator.comparing(RemoteNic::mac));
        return new NetworkView(
                networkId, fleet.network(networkId).orElseThrow().segment(), List.copyOf(remoteHosts), remoteNics);
    }
}
