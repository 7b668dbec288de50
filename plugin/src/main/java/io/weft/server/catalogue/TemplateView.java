package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.HypervisorType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A template as the APIs show it. {@code owner} is empty for a template of the system; {@code zone}
 * is the zone it is shown in: its own, or for a template of every zone the zone a listing asked
 * for (none when it asked for none, then {@code crossZones} says so).
 */
public record TemplateView(
        UUID id,
        String name,
        String displayText,
        Optional<Owner> owner,
        String format,
        HypervisorType hypervisor,
        OsType osType,
        Optional<ZoneRef> zone,
        boolean crossZones,
        boolean isPublic,
        boolean isFeatured,
        boolean passwordEnabled,
        Instant created) {
    public TemplateView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(format, "format is null");
        requireNonNull(hypervisor, "hypervisor is null");
        requireNonNull(osType, "osType is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(created, "created is null");
    }

    public record Owner(UUID accountId, String accountName, UUID domainId, String domainName) {
        public Owner {
            requireNonNull(accountId, "accountId is null");
            requireNonNull(accountName, "accountName is null");
            requireNonNull(domainId, "domainId is null");
            requireNonNull(domainName, "domainName is null");
        }
    }

    public record ZoneRef(UUID id, String name) {
        public ZoneRef {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }
}
