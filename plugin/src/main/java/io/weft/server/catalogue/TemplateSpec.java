package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.HypervisorType;
import java.util.Optional;
import java.util.UUID;

/**
 * A template to register: its names, the image's format and URL (recorded, never fetched), the
 * hypervisor and OS type, and the one zone it is in (none: every zone).
 */
public record TemplateSpec(
        String name,
        String displayText,
        String format,
        HypervisorType hypervisor,
        UUID osTypeId,
        String url,
        Optional<UUID> zoneId,
        boolean isPublic,
        boolean isFeatured,
        boolean passwordEnabled) {
    public TemplateSpec {
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(format, "format is null");
        requireNonNull(hypervisor, "hypervisor is null");
        requireNonNull(osTypeId, "osTypeId is null");
        requireNonNull(url, "url is null");
        requireNonNull(zoneId, "zoneId is null");
    }
}
