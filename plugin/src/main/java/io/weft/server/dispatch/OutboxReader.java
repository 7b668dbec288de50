package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.ChangeRecord;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Reads the outbox: committed change records not yet dispatched, oldest first, and the current
 * version of the entities they name. Records are marked dispatched only after their updates have
 * left, so a server that dies in between dispatches them again (harmless: the same state).
 */
public final class OutboxReader {
    private final SessionFactory sessions;
    private final FleetStore store;
    private final int batchSize;

    public OutboxReader(SessionFactory sessions, FleetStore store, int batchSize) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.batchSize = batchSize;
    }

    /**
     * The next undispatched records, at most one batch, with their payloads decoded. Every
     * undispatched record, not only those past the last batch: ids come from a sequence before the
     * insert, so two writers at once can commit a record after a younger one was dispatched, and it
     * must not wait for the next take-over.
     */
    public OutboxBatch pending() {
        List<ChangeRecord> records = sessions.fromTransaction(session -> session.createQuery(
                        "from ChangeRecord where dispatched = false order by id", ChangeRecord.class)
                .setMaxResults(batchSize)
                .list());
        return new OutboxBatch(
                records.stream().map(ChangeRecord::getId).toList(),
                records.stream()
                        .map(r -> ChangeCodec.read(r.getKind(), r.getPayload()))
                        .toList());
    }

    /** The whole fleet as it is in the database: for a take-over, and for records that name no entity. */
    public List<FleetChange> loadAll() {
        return sessions.fromTransaction(session -> store.loadAll(readOnly(session)));
    }

    /** The current version of what each record of an entity-only batch names, in record order. */
    public LoadedChanges load(OutboxBatch batch) {
        List<FleetChange> changes = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        sessions.inTransaction(loading -> {
            Session session = readOnly(loading);
            for (Change payload : batch.payloads()) {
                List<FleetChange> loaded =
                        switch (payload.kind()) {
                            case HOST -> store.hosts(session, payload.ids());
                            case NETWORK -> store.networks(session, payload.ids());
                            case GROUP -> store.groups(session, payload.ids(), payload.tightens());
                            case NIC -> store.nics(session, payload.ids(), payload.tightens());
                            case FLEET -> throw new IllegalStateException("a fleet change names no entities");
                        };
                List<Integer> mine = new ArrayList<>();
                for (FleetChange change : loaded) {
                    mine.add(changes.size());
                    changes.add(change);
                }
                positions.add(mine);
            }
        });
        return new LoadedChanges(changes, positions);
    }

    /**
     * A session that only reads: nothing to flush before each query, no snapshot kept per entity.
     * Loading the fleet runs a few queries per NIC in one session; with Hibernate's automatic flush
     * every query dirty-checked every entity loaded so far, which made a load of N NICs cost N².
     */
    private static Session readOnly(Session session) {
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setDefaultReadOnly(true);
        return session;
    }

    /** Marks the batch dispatched, for every server to see. */
    public void markDispatched(OutboxBatch batch, Instant now) {
        sessions.inTransaction(session -> session.createMutationQuery(
                        "update ChangeRecord set dispatched = true, dispatchedAt = :now where id in :ids")
                .setParameter("now", now)
                .setParameter("ids", batch.ids())
                .executeUpdate());
    }

    /** Undispatched records in id order, and what each names. */
    public record OutboxBatch(List<Long> ids, List<Change> payloads) {
        public OutboxBatch {
            ids = List.copyOf(requireNonNull(ids, "ids is null"));
            payloads = List.copyOf(requireNonNull(payloads, "payloads is null"));
            if (ids.size() != payloads.size()) {
                throw new IllegalArgumentException("one payload per record");
            }
        }

        public boolean isEmpty() {
            return ids.isEmpty();
        }

        /** A record of a kind the dispatcher cannot load on its own: only a full reload is correct. */
        public boolean needsReload() {
            return payloads.stream().anyMatch(p -> !p.kind().isEntityChange());
        }
    }

    /**
     * The loaded fleet changes of a batch, and for each record the positions of its own changes
     * in that list (a record may name several entities, or one that no longer exists).
     */
    public record LoadedChanges(List<FleetChange> changes, List<List<Integer>> positions) {
        public LoadedChanges {
            changes = List.copyOf(requireNonNull(changes, "changes is null"));
            positions = requireNonNull(positions, "positions is null").stream()
                    .map(List::copyOf)
                    .toList();
        }
    }
}
