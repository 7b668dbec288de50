package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** What a VM reports of the offering it was deployed with (CloudStack's VM fields). */
public record OfferingSummary(UUID id, String name, int cpuNumber, int cpuSpeed, int memory) {
    public OfferingSummary {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
    }
}
