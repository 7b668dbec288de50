package io.weft.server.tenancy;

import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What a higher feature keeps for an account (networks, VMs, NICs, security groups, tags). Tenancy
 * sits below those features and does not name their rows, yet deleting an account must count and
 * delete them: each such feature binds one of these with Guice's {@code Multibinder}.
 *
 * <p>Deleting runs in two passes over every feature, so that no feature needs to know the order of
 * the others: first each deletes the account's rows that point at another feature's rows (a NIC at its
 * network, a group at its scope), with whatever points at those; then each deletes the rest, which
 * nothing points at any more. Both run in the caller's transaction.
 */
public interface AccountResources {
    /** How many of the feature's rows the account owns that keep it from being deleted (IN_USE). */
    long countOwnedBy(Session session, Account account);

    /** First pass; returns the hosts whose NICs lose ports, rules or group members. */
    Set<UUID> deleteRowsPointingElsewhere(Session session, Account account);

    /** Second pass, once no other feature's row of the account points at this feature's rows. */
    void deleteRemainingRows(Session session, Account account);
}
