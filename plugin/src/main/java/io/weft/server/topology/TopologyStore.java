package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Reads and writes zones, pods, clusters and hosts inside the caller's transaction. */
public final class TopologyStore {
    private final List<TopologyOccupants> occupants;

    /** @param occupants what higher features keep in zones and on hosts */
    @Inject
    public TopologyStore(Set<TopologyOccupants> occupants) {
        this.occupants = List.copyOf(requireNonNull(occupants, "occupants is null"));
    }

    public <T> Optional<T> find(Session session, Class<T> type, UUID id) {
        return session.createSelectionQuery("from " + type.getSimpleName() + " where uuid = :uuid", type)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }

    public List<Zone> listZones(Session session) {
        return session.createSelectionQuery("from Zone order by name", Zone.class)
                .getResultList();
    }

    public Optional<Zone> findZoneByName(Session session, String name) {
        return session.createSelectionQuery("from Zone where name = :name", Zone.class)
                .setParameter("name", name)
                .uniqueResultOptional();
    }

    /** Pods, clusters or hosts, all or those of one zone, ordered by name. */
    public <T> List<T> listInZone(Session session, Class<T> type, Optional<UUID> zoneId) {
        String hql = "from " + type.getSimpleName() + " x join fetch x.zone z"
                + (zoneId.isPresent() ? " where z.uuid = :zone" : "") + " order by z.name, x.name";
        var query = session.createSelectionQuery(hql, type);
        zoneId.ifPresent(id -> query.setParameter("zone", id));
        return query.getResultList();
    }

    /** Whether a pod, cluster or host of {@code zone} other than {@code except} has this name. */
    public boolean nameTakenInZone(Session session, Class<?> type, Zone zone, String name, Optional<UUID> except) {
        return exists(session, type, "zone = :zone and name = :name", zone, "name", name, except);
    }

    /** Whether a host of {@code zone} other than {@code except} has this tunnel address. */
    public boolean tunnelAddressTaken(Session session, Zone zone, String address, Optional<UUID> except) {
        return exists(
                session, Host.class, "zone = :zone and tunnelAddress = :address", zone, "address", address, except);
    }

    private static boolean exists(
            Session session,
            Class<?> type,
            String condition,
            Zone zone,
            String parameter,
            String value,
            Optional<UUID> except) {
        var query = session.createSelectionQuery(
                "select count(*) from " + type.getName() + " where " + condition
                        + (except.isPresent() ? " and uuid <> :except" : ""),
                Long.class);
        query.setParameter("zone", zone).setParameter(parameter, value);
        except.ifPresent(id -> query.setParameter("except", id));
        return query.getSingleResult() > 0;
    }

    /** How many rows of {@code type} point at {@code parent} through {@code attribute}. */
    public long countReferencing(Session session, Class<?> type, String attribute, Object parent) {
        return session.createSelectionQuery(
                        "select count(*) from " + type.getName() + " where " + attribute + " = :parent", Long.class)
                .setParameter("parent", parent)
                .getSingleResult();
    }

    /** What still lives in a zone, by kind, for the IN_USE message. */
    public String zoneContents(Session session, Zone zone) {
        List<Class<?>> types = new ArrayList<>(List.of(Pod.class, Cluster.class, Host.class));
        occupants.forEach(occupant -> types.addAll(occupant.inZone()));
        return describe(session, zone, "zone", types);
    }

    public String podContents(Session session, Pod pod) {
        return describe(session, pod, "pod", List.of(Cluster.class, Host.class));
    }

    public String clusterContents(Session session, Cluster cluster) {
        return describe(session, cluster, "cluster", List.of(Host.class));
    }

    public String hostContents(Session session, Host host) {
        List<Class<?>> types = new ArrayList<>();
        occupants.forEach(occupant -> types.addAll(occupant.onHost()));
        return describe(session, host, "host", types);
    }

    private String describe(Session session, Object parent, String attribute, List<Class<?>> types) {
        StringBuilder contents = new StringBuilder();
        for (Class<?> type : types) {
            long count = countReferencing(session, type, attribute, parent);
            if (count > 0) {
                contents.append(contents.length() == 0 ? "" : ", ")
                        .append(count)
                        .append(' ')
                        .append(type.getSimpleName());
            }
        }
        return contents.toString();
    }

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    public void remove(Session session, Object entity) {
        session.remove(entity);
    }
}
