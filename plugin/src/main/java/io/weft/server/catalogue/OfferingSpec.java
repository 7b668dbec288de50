package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.Optional;

/**
 * A service offering to create. CPU speed is in MHz, memory in MiB and the network rate in megabits
 * per second (none: no limit), as CloudStack counts them.
 */
public record OfferingSpec(
        String name, String displayText, int cpuNumber, int cpuSpeed, int memory, Optional<Integer> networkRate) {
    public OfferingSpec {
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(networkRate, "networkRate is null");
    }

    /** Fails with INVALID_PARAMETER unless every size is positive and the name fits. */
    OfferingSpec validated() {
        CatalogueNames.check("service offering", name);
        positive("cpunumber", cpuNumber);
        positive("cpuspeed", cpuSpeed);
        positive("memory", memory);
        networkRate.ifPresent(rate -> positive("networkrate", rate));
        return this;
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new WeftException(ErrorCode.INVALID_PARAMETER, what + " must be positive, not " + value);
        }
    }
}
