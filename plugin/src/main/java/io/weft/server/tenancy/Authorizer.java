package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.UUID;

/**
 * Who may see and change what, decided in one place for every service. What a caller may not see
 * does not exist for it (NOT_FOUND, so that ids of other tenants leak nothing); what it may see but
 * not change is PERMISSION_DENIED.
 */
public final class Authorizer {
    /** Whether {@code caller} may see resources owned by {@code owner}. */
    public boolean canSee(Caller caller, Account owner) {
        return switch (caller.role()) {
            case ROOT_ADMIN -> true;
            case DOMAIN_ADMIN -> owner.getDomain().getPath().startsWith(caller.domainPath());
            case USER -> owner.getUuid().equals(caller.accountId());
        };
    }

    /** Whether {@code caller} may see {@code domain}: root all, a domain admin its subtree, a user its own domain. */
    public boolean canSee(Caller caller, Domain domain) {
        return switch (caller.role()) {
            case ROOT_ADMIN -> true;
            case DOMAIN_ADMIN -> domain.getPath().startsWith(caller.domainPath());
            case USER -> domain.getUuid().equals(caller.domainId());
        };
    }

    /** Fails with NOT_FOUND unless {@code caller} may see what {@code owner} owns. */
    public void requireVisible(Caller caller, Account owner, String what, UUID id) {
        if (!canSee(caller, owner)) {
            throw WeftException.notFound(what, id);
        }
    }

    /** Fails with NOT_FOUND unless {@code caller} may see {@code domain}. */
    public void requireVisible(Caller caller, Domain domain) {
        if (!canSee(caller, domain)) {
            throw WeftException.notFound("domain", domain.getUuid());
        }
    }

    /**
     * Fails unless {@code caller} administers {@code domain}: root, or a domain admin of it or an
     * ancestor. Invisible domains are NOT_FOUND, visible ones PERMISSION_DENIED.
     */
    public void requireAdminOf(Caller caller, Domain domain) {
        requireVisible(caller, domain);
        if (caller.role() == Role.USER) {
            throw denied(caller, "administer domain " + domain.getUuid());
        }
    }

    /** Fails unless {@code caller} administers the account (its own account does not count for a user). */
    public void requireAdminOf(Caller caller, Account account) {
        requireVisible(caller, account, "account", account.getUuid());
        if (caller.role() == Role.USER) {
            throw denied(caller, "administer account " + account.getUuid());
        }
    }

    /** Fails with PERMISSION_DENIED unless {@code caller} is a root admin. */
    public void requireRootAdmin(Caller caller) {
        requireNonNull(caller, "caller is null");
        if (!caller.isRootAdmin()) {
            throw denied(caller, "do this (root admins only)");
        }
    }

    /** Fails unless {@code caller} may give an account {@code role}: nobody but root makes root admins. */
    public void requireMayGrant(Caller caller, Role role) {
        if (role == Role.ROOT_ADMIN && !caller.isRootAdmin()) {
            throw denied(caller, "create root admin accounts");
        }
    }

    private static WeftException denied(Caller caller, String action) {
        return new WeftException(ErrorCode.PERMISSION_DENIED, "account " + caller.accountId() + " may not " + action);
    }
}
