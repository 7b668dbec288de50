package io.weft.server.network;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * An account's networks and network scopes. They point at nothing of another feature, so they go in
 * the second pass, after the NICs on the networks and the groups of the scopes.
 */
public final class NetworkAccountResources implements AccountResources {
    @Override
    public long countOwnedBy(Session session, Account account) {
        return count(session, "Network", account) + count(session, "NetworkScope", account);
    }

    @Override
    public Set<UUID> deleteRowsPointingElsewhere(Session session, Account account) {
        return Set.of();
    }

    @Override
    public void deleteRemainingRows(Session session, Account account) {
        // A network points at its scope: networks first.
        for (String entity : new String[] {"Network", "NetworkScope"}) {
            session.createMutationQuery("delete from " + entity + " where account = :account")
                    .setParameter("account", account)
                    .executeUpdate();
        }
    }

    private static long count(Session session, String entity, Account account) {
        return session.createSelectionQuery("select count(*) from " + entity + " where account = :account", Long.class)
                .setParameter("account", account)
                .getSingleResult();
    }
}
