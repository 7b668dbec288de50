package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** A pod as the APIs show it. */
public record PodView(
        UUID id,
        String name,
        UUID zoneId,
        String zoneName,
        Optional<PodAddressing> addressing,
        AllocationState allocationState) {
    public PodView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(zoneName, "zoneName is null");
        requireNonNull(addressing, "addressing is null");
        requireNonNull(allocationState, "allocationState is null");
    }
}
