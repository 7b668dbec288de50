package io.weft.server.network;

import io.weft.rules.model.IpAddress;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.tags.TagCleanup;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.QueryFilter;
import io.weft.server.tenancy.Visibility;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.Zone;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;

/** Reads and writes networks, scopes and their NICs' addresses inside the caller's transaction. */
public final class NetworkStore {
    private static final String NETWORKS = "from Network n join fetch n.account a join fetch a.domain d";
    private static final String SCOPES = "from NetworkScope s join fetch s.account a join fetch a.domain d";

    public Set<Long> segmentsInUse(Session session, Zone zone, IsolationType type) {
        return Set.copyOf(session.createSelectionQuery(
                        "select segmentId from Network where zone = :zone and isolationType = :type"
                                + " and segmentId is not null",
                        Long.class)
                .setParameter("zone", zone)
                .setParameter("type", type)
                .getResultList());
    }

    /** The IPv4 addresses NICs hold in {@code network}. */
    public Set<IpAddress> addressesInUse(Session session, Network network) {
        Stream<String> primary = session
                .createSelectionQuery(
                        "select ipv4Address from Nic where network = :network and ipv4Address is not null",
                        String.class)
                .setParameter("network", network)
                .getResultList()
                .stream();
        // NICs' secondary private addresses (EC2 AssignPrivateIpAddresses) are taken too.
        Stream<String> secondary = session
                .createSelectionQuery(
                        "select ipAddress from NicSecondaryAddress where network = :network", String.class)
                .setParameter("network", network)
                .getResultList()
                .stream();
        return Stream.concat(primary, secondary).map(IpAddress::parse).collect(Collectors.toUnmodifiableSet());
    }

    public boolean ipv6InUse(Session session, Network network, String address) {
        return session.createSelectionQuery(
                                "select count(*) from Nic where network = :network and ipv6Address = :address",
                                Long.class)
                        .setParameter("network", network)
                        .setParameter("address", address)
                        .getSingleResult()
                > 0;
    }

    public long countNics(Session session, Network network) {
        return session.createSelectionQuery("select count(*) from Nic where network = :network", Long.class)
                .setParameter("network", network)
                .getSingleResult();
    }

    public List<Network> networksIn(Session session, NetworkScope scope) {
        return session.createSelectionQuery("from Network where scope = :scope order by name", Network.class)
                .setParameter("scope", scope)
                .getResultList();
    }

    public Paged<Network> list(Session session, Visibility visibility, NetworkQuery query, Page page) {
        QueryFilter filter = new QueryFilter().visible(visibility, "a", "d").in("n.uuid", "ids", query.ids());
        query.accountId().ifPresent(id -> filter.where("a.uuid = :account", "account", id));
        query.zoneId().ifPresent(id -> filter.where("n.zone.uuid = :zone", "zone", id));
        query.scopeId().ifPresent(id -> filter.where("n.scope.uuid = :scope", "scope", id));
        query.name().ifPresent(name -> filter.where("n.name = :name", "name", name));
        query.keyword().ifPresent(word -> filter.containing("n.name", "keyword", word));
        return filter.page(session, "select n", NETWORKS, "n.name, n.uuid", Network.class, page);
    }

    public Paged<NetworkScope> listScopes(
            Session session, Visibility visibility, Set<UUID> ids, Optional<UUID> accountId, Page page) {
        QueryFilter filter = new QueryFilter().visible(visibility, "a", "d").in("s.uuid", "ids", ids);
        accountId.ifPresent(id -> filter.where("a.uuid = :account", "account", id));
        return filter.page(session, "select s", SCOPES, "s.created, s.uuid", NetworkScope.class, page);
    }

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    public void remove(Session session, Object entity) {
        session.remove(entity);
    }

    /** Deletes the tags of resources that are deleted in this transaction. */
    public void deleteTags(Session session, TaggedType type, Collection<UUID> resources) {
        TagCleanup.deleteTagsOf(session, type, resources);
    }
}
