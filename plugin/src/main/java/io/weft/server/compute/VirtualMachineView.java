package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A VM as Weft knows it: owner, placement and NICs (in device order). */
public record VirtualMachineView(
        UUID id,
        String name,
        Optional<String> displayName,
        UUID accountId,
        String accountName,
        UUID domainId,
        UUID zoneId,
        Optional<UUID> hostId,
        VmState state,
        List<NicView> nics,
        Instant created) {
    public VirtualMachineView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(state, "state is null");
        nics = List.copyOf(nics);
        requireNonNull(created, "created is null");
    }
}
