package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** An account and its users, as CloudStack's listAccounts shows them. */
public record AccountView(
        UUID id,
        String name,
        Role role,
        UUID domainId,
        String domainName,
        String domainPath,
        TenancyState state,
        List<UserView> users) {
    public AccountView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(domainPath, "domainPath is null");
        requireNonNull(state, "state is null");
        users = List.copyOf(users);
    }
}
