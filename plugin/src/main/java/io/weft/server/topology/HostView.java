package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A host as the APIs show it; never its agent secret. */
public record HostView(
        UUID id,
        String name,
        UUID zoneId,
        Optional<UUID> podId,
        Optional<UUID> clusterId,
        String tunnelAddress,
        HypervisorType hypervisorType,
        String agentUser,
        AllocationState resourceState,
        HostState state,
        long desiredGeneration,
        long appliedGeneration,
        Optional<String> lastError,
        Optional<Instant> lastHeartbeat) {
    public HostView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(podId, "podId is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(tunnelAddress, "tunnelAddress is null");
        requireNonNull(hypervisorType, "hypervisorType is null");
        requireNonNull(agentUser, "agentUser is null");
        requireNonNull(resourceState, "resourceState is null");
        requireNonNull(state, "state is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(lastHeartbeat, "lastHeartbeat is null");
    }
}
