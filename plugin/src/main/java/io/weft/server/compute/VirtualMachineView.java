package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.catalogue.OfferingSummary;
import io.weft.server.catalogue.TemplateSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A VM as Weft knows it: owner, placement, NICs (in device order), and the offering and template it
 * was deployed with, if any.
 */
public record VirtualMachineView(
        UUID id,
        String name,
        Optional<String> displayName,
        Optional<String> group,
        UUID accountId,
        String accountName,
        UUID domainId,
        String domainName,
        UUID zoneId,
        String zoneName,
        Optional<UUID> hostId,
        VmState state,
        List<NicView> nics,
        Instant created,
        Optional<OfferingSummary> serviceOffering,
        Optional<TemplateSummary> template) {
    public VirtualMachineView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(group, "group is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(zoneName, "zoneName is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(state, "state is null");
        nics = List.copyOf(nics);
        requireNonNull(created, "created is null");
        requireNonNull(serviceOffering, "serviceOffering is null");
        requireNonNull(template, "template is null");
    }
}
