package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** What a VM reports of the template it was deployed from (CloudStack's VM fields). */
public record TemplateSummary(UUID id, String name, String displayText, UUID osTypeId) {
    public TemplateSummary {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(osTypeId, "osTypeId is null");
    }
}
