package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** What addHost needs: where the host is, its name, its tunnel endpoint and its hypervisor. */
public record HostSpec(
        UUID zoneId,
        Optional<UUID> podId,
        Optional<UUID> clusterId,
        String name,
        String tunnelAddress,
        HypervisorType hypervisorType) {
    public HostSpec {
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(podId, "podId is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(name, "name is null");
        requireNonNull(tunnelAddress, "tunnelAddress is null");
        requireNonNull(hypervisorType, "hypervisorType is null");
    }
}
