package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Who owns what, for the network services: the owner of a new resource, and lookups that report what
 * the caller may not see as NOT_FOUND so that other tenants' ids leak nothing.
 */
public final class Ownership {
    private final TenancyStore tenancy;
    private final Authorizer authorizer;

    @Inject
    public Ownership(TenancyStore tenancy, Authorizer authorizer) {
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
    }

    /**
     * The account a new resource belongs to: the caller's own, or {@code accountId} when the caller
     * administers it (a user naming another account sees NOT_FOUND, an admin outside it too).
     */
    public Account ownerFor(Session session, Caller caller, Optional<UUID> accountId) {
        UUID id = accountId.orElse(caller.accountId());
        Account account = tenancy.findAccount(session, id).orElseThrow(() -> WeftException.notFound("account", id));
        if (!id.equals(caller.accountId())) {
            authorizer.requireAdminOf(caller, account);
        }
        return account;
    }

    /** The entity with this uuid if the caller may see its owner; NOT_FOUND otherwise. */
    public <T> T visible(
            Session session, Caller caller, Class<T> type, UUID id, Function<T, Account> owner, String what) {
        requireNonNull(id, what + " id is null");
        T entity = find(session, type, id).orElseThrow(() -> WeftException.notFound(what, id));
        authorizer.requireVisible(caller, owner.apply(entity), what, id);
        return entity;
    }

    public boolean canSee(Caller caller, Account owner) {
        return authorizer.canSee(caller, owner);
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public static <T> Optional<T> find(Session session, Class<T> type, UUID id) {
        return session.createSelectionQuery("from " + type.getName() + " where uuid = :uuid", type)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }
}
