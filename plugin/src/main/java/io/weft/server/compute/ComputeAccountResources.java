package io.weft.server.compute;

import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.AccountResources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * An account's VMs and NICs, and other accounts' NICs on its networks, with their group memberships
 * and allowed address pairs. A NIC points at its network, so all of it goes in the first pass.
 */
public final class ComputeAccountResources implements AccountResources {
    @Override
    public long countOwnedBy(Session session, Account account) {
        long total = 0;
        for (String entity : List.of("VirtualMachine", "Nic")) {
            total += session.createSelectionQuery(
                            "select count(*) from " + entity + " where account = :account", Long.class)
                    .setParameter("account", account)
                    .getSingleResult();
        }
        return total;
    }

    @Override
    public Set<UUID> deleteRowsPointingElsewhere(Session session, Account account) {
        List<Long> nics = session.createSelectionQuery(
                        "select n.id from Nic n where n.account = :account or n.network.account = :account", Long.class)
                .setParameter("account", account)
                .getResultList();
        Set<UUID> hosts = new LinkedHashSet<>();
        if (!nics.isEmpty()) {
            hosts.addAll(session.createSelectionQuery(
                            "select distinct n.host.uuid from Nic n where n.id in :nics and n.host is not null",
                            UUID.class)
                    .setParameter("nics", nics)
                    .getResultList());
            for (String delete : List.of(
                    "delete from NicSecurityGroup where nic.id in :ids",
                    "delete from AllowedAddressPair where nic.id in :ids",
                    "delete from Nic where id in :ids")) {
                session.createMutationQuery(delete).setParameter("ids", nics).executeUpdate();
            }
        }
        session.createMutationQuery("delete from VirtualMachine where account = :account")
                .setParameter("account", account)
                .executeUpdate();
        return hosts;
    }

    @Override
    public void deleteRemainingRows(Session session, Account account) {}
}
