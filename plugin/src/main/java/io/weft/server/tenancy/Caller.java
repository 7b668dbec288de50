package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Who is making a request, as resolved from credentials at the API edge. Services authorize
 * against it: a user sees its own account, a domain admin its domain subtree, root everything.
 *
 * @param domainPath the caller's domain path ({@code ROOT/}, {@code ROOT/child/}), used for
 *     subtree checks
 */
public record Caller(UUID userId, UUID accountId, UUID domainId, String domainPath, Role role) {
    public Caller {
        requireNonNull(userId, "userId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainPath, "domainPath is null");
        requireNonNull(role, "role is null");
    }

    public boolean isRootAdmin() {
        return role == Role.ROOT_ADMIN;
    }
}
