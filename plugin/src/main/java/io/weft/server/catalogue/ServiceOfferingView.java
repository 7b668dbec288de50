package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A service offering as the APIs show it; {@code networkRate} in megabits per second. */
public record ServiceOfferingView(
        UUID id,
        String name,
        String displayText,
        int cpuNumber,
        int cpuSpeed,
        int memory,
        Optional<Integer> networkRate,
        boolean isDefault,
        Instant created) {
    public ServiceOfferingView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(networkRate, "networkRate is null");
        requireNonNull(created, "created is null");
    }

    public static ServiceOfferingView of(ServiceOffering offering) {
        return new ServiceOfferingView(
                offering.getUuid(),
                offering.getName(),
                offering.getDisplayText(),
                offering.getCpuNumber(),
                offering.getCpuSpeed(),
                offering.getMemory(),
                Optional.ofNullable(offering.getNetworkRate()),
                offering.isDefault(),
                offering.getCreated());
    }
}
