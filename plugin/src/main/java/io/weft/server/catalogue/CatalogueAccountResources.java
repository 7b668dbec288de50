package io.weft.server.catalogue;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * An account's templates go with it, as CloudStack's do; they never keep it from being deleted. They
 * are marked removed and lose their owner rather than their rows, so that other accounts' VMs
 * deployed from one keep reporting its name.
 */
public final class CatalogueAccountResources implements AccountResources {
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
        session.createMutationQuery("update Template set account = null, removed = coalesce(removed, current_timestamp)"
                        + " where account = :account")
                .setParameter("account", account)
                .executeUpdate();
    }
}
