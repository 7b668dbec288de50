package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which VMs to list, within what the caller may see; every given criterion must hold. The database
 * applies them all before it cuts the page, so a page costs the page and not the account's VMs.
 * {@code name} matches case-insensitively, {@code keyword} as a case-insensitive part of the name,
 * {@code state} case-insensitively against {@link VmState}'s names; a VM matches {@code networkId}
 * or {@code groupId} when one of its NICs is on that network or in that group.
 */
public record VirtualMachineQuery(
        Set<UUID> ids,
        Optional<UUID> accountId,
        Optional<UUID> zoneId,
        Optional<UUID> hostId,
        Optional<UUID> networkId,
        Optional<UUID> groupId,
        Optional<String> state,
        Optional<String> name,
        Optional<String> keyword) {
    public VirtualMachineQuery {
        ids = Set.copyOf(requireNonNull(ids, "ids is null"));
        requireNonNull(accountId, "accountId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(state, "state is null");
        requireNonNull(name, "name is null");
        requireNonNull(keyword, "keyword is null");
    }

    /** VMs among {@code ids} (all when empty), owned by {@code accountId} when given. */
    public static VirtualMachineQuery of(Set<UUID> ids, Optional<UUID> accountId) {
        Optional<UUID> anyId = Optional.empty();
        Optional<String> anyText = Optional.empty();
        return new VirtualMachineQuery(ids, accountId, anyId, anyId, anyId, anyId, anyText, anyText, anyText);
    }
}
