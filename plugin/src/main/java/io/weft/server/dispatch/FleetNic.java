package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.AllowedAddressPair;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.MacAddress;
import java.util.List;
import java.util.Optional;

/**
 * A VM NIC: its addresses and groups, and the host it is bound to while its VM runs there. An
 * unbound NIC still counts as a member of its groups (its addresses stay reserved for it).
 */
public record FleetNic(
        String nicId,
        String networkId,
        Optional<String> hostId,
        MacAddress mac,
        List<IpAddress> ips,
        List<AllowedAddressPair> allowedAddressPairs,
        boolean portSecurityEnabled,
        List<String> securityGroupIds,
        String tapDevice) {
    public FleetNic {
        requireNonNull(nicId, "nicId is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(mac, "mac is null");
        ips = List.copyOf(requireNonNull(ips, "ips is null"));
        allowedAddressPairs = List.copyOf(requireNonNull(allowedAddressPairs, "allowedAddressPairs is null"));
        securityGroupIds = List.copyOf(requireNonNull(securityGroupIds, "securityGroupIds is null"));
        requireNonNull(tapDevice, "tapDevice is null");
    }

    public FleetNic boundTo(Optional<String> host) {
        return new FleetNic(
                nicId,
                networkId,
                host,
                mac,
                ips,
                allowedAddressPairs,
                portSecurityEnabled,
                securityGroupIds,
                tapDevice);
    }

    public FleetNic withGroups(List<String> groups) {
        return new FleetNic(
                nicId, networkId, hostId, mac, ips, allowedAddressPairs, portSecurityEnabled, groups, tapDevice);
    }
}
