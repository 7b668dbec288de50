package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** A cluster as the APIs show it. */
public record ClusterView(
        UUID id,
        String name,
        UUID zoneId,
        Optional<UUID> podId,
        HypervisorType hypervisorType,
        ClusterType clusterType,
        AllocationState allocationState,
        ManagedState managedState) {
    public ClusterView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(podId, "podId is null");
        requireNonNull(hypervisorType, "hypervisorType is null");
        requireNonNull(clusterType, "clusterType is null");
        requireNonNull(allocationState, "allocationState is null");
        requireNonNull(managedState, "managedState is null");
    }
}
