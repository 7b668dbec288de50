package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * What the zone, pod, cluster and host services share, written once: lookup by uuid, name checks,
 * and the shape of a root admin's update and delete. Writes go through {@link Transactions#write}, so
 * that a concurrent change that wins a race is reported as CONCURRENT_MODIFICATION.
 */
final class TopologyOperations {
    private static final int MAX_NAME_LENGTH = 255;

    private final SessionFactory sessions;
    private final TopologyStore store;
    private final Authorizer authorizer;

    @Inject
    TopologyOperations(SessionFactory sessions, TopologyStore store, Authorizer authorizer) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
    }

    /** Every change of topology is a root admin's; checked before the input, as CloudStack does. */
    void requireRootAdmin(Caller caller) {
        authorizer.requireRootAdmin(caller);
    }

    <T> T write(Function<Session, T> work) {
        return Transactions.write(sessions, work);
    }

    <T> T read(Function<Session, T> work) {
        return sessions.fromTransaction(work);
    }

    /** One entity, for root only; NOT_FOUND when there is none. */
    <T, V> V get(Caller caller, Class<T> type, UUID id, Function<T, V> toView) {
        authorizer.requireRootAdmin(caller);
        return read(session -> toView.apply(find(session, type, id)));
    }

    /** Pods, clusters or hosts, all or those of one zone, for root only. */
    <T, V> List<V> list(Caller caller, Class<T> type, Optional<UUID> zoneId, Function<T, V> toView) {
        authorizer.requireRootAdmin(caller);
        return read(session ->
                store.listInZone(session, type, zoneId).stream().map(toView).toList());
    }

    /**
     * Renames a pod, cluster or host when {@code name} is given (unique within its zone), applies the
     * rest of the change, and returns the view of the result.
     */
    <T extends InZone, V> V update(
            Caller caller,
            Class<T> type,
            UUID id,
            Optional<String> name,
            BiConsumer<Session, T> change,
            Function<T, V> toView) {
        return update(caller, type, id, name, () -> {}, change, toView);
    }

    /** As above, with {@code checkInput} run after authorization and before the transaction. */
    <T extends InZone, V> V update(
            Caller caller,
            Class<T> type,
            UUID id,
            Optional<String> name,
            Runnable checkInput,
            BiConsumer<Session, T> change,
            Function<T, V> toView) {
        requireRootAdmin(caller);
        checkInput.run();
        return write(session -> {
            T entity = find(session, type, id);
            if (name.isPresent()) {
                String checkedName = checkName(name.get());
                requireUniqueName(session, type, entity.getZone(), checkedName, Optional.of(id));
                entity.setName(checkedName);
            }
            change.accept(session, entity);
            session.flush();
            return toView.apply(entity);
        });
    }

    /**
     * Deletes an entity unless {@code contents} names what it still holds (IN_USE); {@code removed}
     * then runs in the same transaction.
     */
    <T extends Named> void delete(
            Caller caller,
            Class<T> type,
            UUID id,
            BiFunction<Session, T, String> contents,
            BiConsumer<Session, T> removed) {
        requireRootAdmin(caller);
        write(session -> {
            T entity = find(session, type, id);
            String held = contents.apply(session, entity);
            if (!held.isEmpty()) {
                throw new WeftException(
                        ErrorCode.IN_USE,
                        kind(type) + " " + entity.getName() + " still holds " + held + "; delete them first");
            }
            store.remove(session, entity);
            removed.accept(session, entity);
            return null;
        });
    }

    /** NOT_FOUND when there is no such zone, pod, cluster or host. */
    <T> T find(Session session, Class<T> type, UUID id) {
        return store.find(session, type, id).orElseThrow(() -> WeftException.notFound(kind(type), id));
    }

    Pod podInZone(Session session, UUID podId, Zone zone) {
        Pod pod = find(session, Pod.class, podId);
        if (!pod.getZone().equals(zone)) {
            throw WeftException.invalid("pod " + podId + " is not in zone " + zone.getUuid());
        }
        return pod;
    }

    void requireUniqueName(Session session, Class<?> type, Zone zone, String name, Optional<UUID> except) {
        if (store.nameTakenInZone(session, type, zone, name, except)) {
            throw new WeftException(
                    ErrorCode.DUPLICATE, kind(type) + " " + name + " already exists in zone " + zone.getName());
        }
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw WeftException.invalid("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    static void checkIp(String what, String value) {
        if (!IpAddresses.isIp(value)) {
            throw WeftException.invalid(what + " " + value + " is not an IP address");
        }
    }

    /** "zone", "pod", "cluster" or "host", as messages name them. */
    private static String kind(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
