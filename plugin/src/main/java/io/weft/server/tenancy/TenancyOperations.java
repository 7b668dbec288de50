package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.service.TextFields;
import io.weft.server.service.Transactions;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * What the domain, account and user services share, written once: lookups by uuid that hide what the
 * caller may not see (NOT_FOUND, as if it did not exist), name checks, and one transaction per call.
 * Writes go through {@link Transactions#write}, so that a concurrent change that wins a race is
 * reported as CONCURRENT_MODIFICATION.
 */
final class TenancyOperations {
    private static final int MAX_NAME_LENGTH = 255;

    private final SessionFactory sessions;
    private final TenancyStore store;
    private final Authorizer authorizer;

    @Inject
    TenancyOperations(SessionFactory sessions, TenancyStore store, Authorizer authorizer) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
    }

    <T> T write(Function<Session, T> work) {
        return Transactions.write(sessions, work);
    }

    <T> T read(Function<Session, T> work) {
        return sessions.fromTransaction(work);
    }

    Domain domain(Session session, Caller caller, UUID id) {
        Domain domain = store.findDomain(session, id).orElseThrow(() -> WeftException.notFound("domain", id));
        authorizer.requireVisible(caller, domain);
        return domain;
    }

    Account account(Session session, Caller caller, UUID id) {
        Account account = store.findAccount(session, id).orElseThrow(() -> WeftException.notFound("account", id));
        authorizer.requireVisible(caller, account, "account", id);
        return account;
    }

    /** An account the caller administers; a root admin account only root may change. */
    Account administeredAccount(Session session, Caller caller, UUID id) {
        Account account = account(session, caller, id);
        authorizer.requireAdminOf(caller, account);
        if (account.getRole() == Role.ROOT_ADMIN) {
            authorizer.requireRootAdmin(caller);
        }
        return account;
    }

    User user(Session session, Caller caller, UUID id) {
        User user = store.findUser(session, id).orElseThrow(() -> WeftException.notFound("user", id));
        authorizer.requireVisible(caller, user.getAccount(), "user", id);
        return user;
    }

    static String checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, what + " is required");
        }
        return TextFields.checked(what, name, MAX_NAME_LENGTH);
    }
}
