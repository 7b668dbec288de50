package io.weft.server.securitygroup;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * An account's security groups, with their rules, their members and the rules of other accounts that
 * name them. A group points at its network scope, so all of it goes in the first pass.
 */
public final class SecurityGroupAccountResources implements AccountResources {
    @Override
    public long countOwnedBy(Session session, Account account) {
        return session.createSelectionQuery("select count(*) from SecurityGroup where account = :account", Long.class)
                .setParameter("account", account)
                .getSingleResult();
    }

    @Override
    public Set<UUID> deleteRowsPointingElsewhere(Session session, Account account) {
        List<Long> groups = session.createSelectionQuery(
                        "select g.id from SecurityGroup g where g.account = :account", Long.class)
                .setParameter("account", account)
                .getResultList();
        if (groups.isEmpty()) {
            return Set.of();
        }
        // Other tenants' NICs whose groups have rules naming one of these groups lose those rules.
        Set<UUID> hosts = new LinkedHashSet<>(session.createSelectionQuery(
                        "select distinct m.nic.host.uuid from NicSecurityGroup m where m.nic.host is not null and"
                                + " m.securityGroup.id in (select r.securityGroup.id from SecurityGroupRule r"
                                + " where r.remoteGroup.id in :groups)",
                        UUID.class)
                .setParameter("groups", groups)
                .getResultList());
        for (String delete : List.of(
                "delete from SecurityGroupRule where securityGroup.id in :ids or remoteGroup.id in :ids",
                "delete from NicSecurityGroup where securityGroup.id in :ids",
                "delete from SecurityGroup where id in :ids")) {
            session.createMutationQuery(delete).setParameter("ids", groups).executeUpdate();
        }
        return hosts;
    }

    @Override
    public void deleteRemainingRows(Session session, Account account) {}
}
