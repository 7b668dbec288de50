package io.weft.server.jobs;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * An account's job history. It does not keep an account from being deleted; its jobs point at the
 * account's users, so they go in the first pass, before tenancy deletes those users.
 */
public final class JobAccountResources implements AccountResources {
    @Override
    public long countOwnedBy(Session session, Account account) {
        return 0;
    }

    @Override
    public Set<UUID> deleteRowsPointingElsewhere(Session session, Account account) {
        session.createMutationQuery("delete from AsyncJob where account = :account")
                .setParameter("account", account)
                .executeUpdate();
        return Set.of();
    }

    @Override
    public void deleteRemainingRows(Session session, Account account) {}
}
