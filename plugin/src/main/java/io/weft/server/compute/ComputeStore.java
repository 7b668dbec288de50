package io.weft.server.compute;

import io.weft.server.network.Network;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.tags.TagCleanup;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.QueryFilter;
import io.weft.server.tenancy.Visibility;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Session;

/** Reads and writes VMs, NICs, their group memberships and address pairs in the caller's transaction. */
public final class ComputeStore {
    private static final String NICS = "from Nic n join fetch n.account a join fetch a.domain d join fetch n.network";
    private static final String VMS = "from VirtualMachine v join fetch v.account a join fetch a.domain d";

    public boolean macInUse(Session session, String mac) {
        return session.createSelectionQuery("select count(*) from Nic where macAddress = :mac", Long.class)
                        .setParameter("mac", mac)
                        .getSingleResult()
                > 0;
    }

    /** The NIC of {@code account} created with EC2 client token {@code token}, if any. */
    public Optional<Nic> nicByClientToken(Session session, Account account, String token) {
        return session.createSelectionQuery("from Nic where account = :account and clientToken = :token", Nic.class)
                .setParameter("account", account)
                .setParameter("token", token)
                .uniqueResultOptional();
    }

    public List<NicSecurityGroup> membershipsOf(Session session, Nic nic) {
        return session.createSelectionQuery(
                        "from NicSecurityGroup m join fetch m.securityGroup g where m.nic = :nic order by g.name, g.uuid",
                        NicSecurityGroup.class)
                .setParameter("nic", nic)
                .getResultList();
    }

    public List<AllowedAddressPairEntity> pairsOf(Session session, Nic nic) {
        return session.createSelectionQuery(
                        "from AllowedAddressPair where nic = :nic order by ipAddress, uuid",
                        AllowedAddressPairEntity.class)
                .setParameter("nic", nic)
                .getResultList();
    }

    /** The NIC's secondary private addresses, in the order they were assigned. */
    public List<SecondaryAddressEntity> secondaryAddressesOf(Session session, Nic nic) {
        return session.createSelectionQuery(
                        "from NicSecondaryAddress where nic = :nic order by id", SecondaryAddressEntity.class)
                .setParameter("nic", nic)
                .getResultList();
    }

    public List<Nic> nicsOf(Session session, VirtualMachine vm) {
        return session.createSelectionQuery("from Nic where vm = :vm order by deviceIndex, uuid", Nic.class)
                .setParameter("vm", vm)
                .getResultList();
    }

    public Paged<Nic> listNics(Session session, Visibility visibility, NicQuery query, Page page) {
        QueryFilter filter = new QueryFilter().visible(visibility, "a", "d").in("n.uuid", "ids", query.ids());
        query.vmId().ifPresent(id -> filter.where("n.vm.uuid = :vm", "vm", id));
        query.networkId().ifPresent(id -> filter.where("n.network.uuid = :network", "network", id));
        query.scopeId().ifPresent(id -> filter.where("n.network.scope.uuid = :scope", "scope", id));
        query.accountId().ifPresent(id -> filter.where("a.uuid = :account", "account", id));
        return filter.page(session, "select n", NICS, "n.created, n.uuid", Nic.class, page);
    }

    /** One page of the VMs {@code query} selects, by name, filtered and counted in the database. */
    public Paged<VirtualMachine> listVms(Session session, Visibility visibility, VirtualMachineQuery query, Page page) {
        QueryFilter filter = new QueryFilter().visible(visibility, "a", "d").in("v.uuid", "ids", query.ids());
        query.accountId().ifPresent(id -> filter.where("a.uuid = :account", "account", id));
        query.zoneId().ifPresent(id -> filter.where("v.zone.uuid = :zone", "zone", id));
        query.hostId().ifPresent(id -> filter.where("v.host.uuid = :host", "host", id));
        query.networkId()
                .ifPresent(id -> filter.where(
                        "exists (from Nic n where n.vm = v and n.network.uuid = :network)", "network", id));
        query.groupId()
                .ifPresent(id -> filter.where(
                        "exists (from NicSecurityGroup m where m.nic.vm = v and m.securityGroup.uuid = :group)",
                        "group",
                        id));
        if (query.state().isPresent()) {
            Optional<VmState> state = Arrays.stream(VmState.values())
                    .filter(s -> s.name().equalsIgnoreCase(query.state().get()))
                    .findFirst();
            if (state.isEmpty()) {
                return new Paged<>(List.of(), 0);
            }
            filter.where("v.state = :state", "state", state.get());
        }
        query.name().ifPresent(name -> filter.where("lower(v.name) = :name", "name", name.toLowerCase(Locale.ROOT)));
        query.keyword().ifPresent(keyword -> filter.containing("v.name", "keyword", keyword));
        return filter.page(session, "select v", VMS, "v.name, v.uuid", VirtualMachine.class, page);
    }

    /** The NICs on a network, oldest first. */
    public List<Nic> nicsOn(Session session, Network network) {
        return session.createSelectionQuery("from Nic where network = :network order by created, uuid", Nic.class)
                .setParameter("network", network)
                .getResultList();
    }

    /**
     * Deletes NICs with their group memberships, address pairs, secondary addresses and tags. Their addresses and MACs
     * are free again once the transaction commits.
     */
    public void deleteNics(Session session, Collection<Nic> nics) {
        if (nics.isEmpty()) {
            return;
        }
        List<Long> ids = nics.stream().map(Nic::getId).toList();
        session.createMutationQuery("delete from NicSecurityGroup where nic.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        session.createMutationQuery("delete from AllowedAddressPair where nic.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        session.createMutationQuery("delete from NicSecondaryAddress where nic.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        TagCleanup.deleteTagsOf(
                session, TaggedType.NIC, nics.stream().map(Nic::getUuid).toList());
        session.createMutationQuery("delete from Nic where id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        // A bulk delete bypasses the session: forget the loaded NICs, or a flush would still see them.
        nics.forEach(session::detach);
    }

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    public void remove(Session session, Object entity) {
        session.remove(entity);
    }
}
