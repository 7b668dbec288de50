package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A NIC as the APIs show it (CloudStack nic, EC2 networkInterface). */
public record NicView(
        UUID id,
        UUID accountId,
        UUID networkId,
        Optional<UUID> scopeId,
        UUID zoneId,
        Optional<UUID> vmId,
        Optional<UUID> hostId,
        String macAddress,
        Optional<String> ipAddress,
        Optional<String> ipv6Address,
        String gateway,
        String netmask,
        Optional<Integer> deviceIndex,
        boolean isDefault,
        boolean portSecurity,
        boolean sourceDestCheck,
        String tapName,
        List<GroupSummary> groups,
        List<AddressPairSpec> addressPairs,
        List<String> secondaryAddresses,
        Optional<String> description,
        Instant created) {
    public NicView {
        requireNonNull(id, "id is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(vmId, "vmId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(macAddress, "macAddress is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(ipv6Address, "ipv6Address is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(deviceIndex, "deviceIndex is null");
        requireNonNull(tapName, "tapName is null");
        groups = List.copyOf(groups);
        addressPairs = List.copyOf(addressPairs);
        secondaryAddresses = List.copyOf(secondaryAddresses);
        requireNonNull(description, "description is null");
        requireNonNull(created, "created is null");
    }

    /** A group a NIC is in, as EC2's groupSet and CloudStack's securitygroup[] list it. */
    public record GroupSummary(UUID id, String name) {
        public GroupSummary {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }
}
