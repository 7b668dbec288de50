package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which groups to list, within what the caller may see; every given criterion must hold.
 *
 * @param unscoped only groups outside every scope (EC2 VPC): the CloudStack API's own groups, so
 *     that a VPC's {@code default} never shows beside the account's in {@code listSecurityGroups}
 */
public record GroupQuery(
        Set<UUID> ids,
        Set<String> names,
        Optional<String> keyword,
        Optional<UUID> accountId,
        Optional<UUID> scopeId,
        Optional<UUID> nicId,
        Optional<UUID> vmId,
        boolean unscoped) {
    public GroupQuery {
        ids = Set.copyOf(requireNonNull(ids, "ids is null"));
        names = Set.copyOf(requireNonNull(names, "names is null"));
        requireNonNull(keyword, "keyword is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(nicId, "nicId is null");
        requireNonNull(vmId, "vmId is null");
    }

    public static GroupQuery all() {
        return new GroupQuery(
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    public GroupQuery withIds(Set<UUID> wanted) {
        return new GroupQuery(wanted, names, keyword, accountId, scopeId, nicId, vmId, unscoped);
    }

    public GroupQuery withNames(Set<String> wanted) {
        return new GroupQuery(ids, wanted, keyword, accountId, scopeId, nicId, vmId, unscoped);
    }

    public GroupQuery withKeyword(String word) {
        return new GroupQuery(ids, names, Optional.of(word), accountId, scopeId, nicId, vmId, unscoped);
    }

    public GroupQuery ofNic(UUID nic) {
        return new GroupQuery(ids, names, keyword, accountId, scopeId, Optional.of(nic), vmId, unscoped);
    }

    public GroupQuery ofVm(UUID vm) {
        return new GroupQuery(ids, names, keyword, accountId, scopeId, nicId, Optional.of(vm), unscoped);
    }

    public GroupQuery inScope(UUID scope) {
        return new GroupQuery(ids, names, keyword, accountId, Optional.of(scope), nicId, vmId, unscoped);
    }
}
