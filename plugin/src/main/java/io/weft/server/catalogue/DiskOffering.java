package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A disk size offered for data volumes; {@code customized} ones let the user pick the size. */
public record DiskOffering(UUID id, String name, String displayText, long diskSizeGb, boolean customized) {
    public DiskOffering {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
    }
}
