package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which NICs to list, within what the caller may see; every given criterion must hold. */
public record NicQuery(
        Set<UUID> ids,
        Optional<UUID> vmId,
        Optional<UUID> networkId,
        Optional<UUID> scopeId,
        Optional<UUID> accountId) {
    public NicQuery {
        ids = Set.copyOf(requireNonNull(ids, "ids is null"));
        requireNonNull(vmId, "vmId is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(accountId, "accountId is null");
    }

    public static NicQuery all() {
        return new NicQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public NicQuery ofVm(UUID vm) {
        return new NicQuery(ids, Optional.of(vm), networkId, scopeId, accountId);
    }

    public NicQuery onNetwork(UUID network) {
        return new NicQuery(ids, vmId, Optional.of(network), scopeId, accountId);
    }
}
