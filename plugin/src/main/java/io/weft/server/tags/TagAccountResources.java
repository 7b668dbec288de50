package io.weft.server.tags;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** An account's tags. They do not keep an account from being deleted, and point at no row. */
public final class TagAccountResources implements AccountResources {
    @Override
    public long countOwnedBy(Session session, Account account) {
        return 0;
    }

    @Override
    public Set<UUID> deleteRowsPointingElsewhere(Session session, Account account) {
        return Set.of();
    }

    @Override
    public void deleteRemainingRows(Session session, Account account) {
        session.createMutationQuery("delete from ResourceTag where account = :account")
                .setParameter("account", account)
                .executeUpdate();
    }
}
