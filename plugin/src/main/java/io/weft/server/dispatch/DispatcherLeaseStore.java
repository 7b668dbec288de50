package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The one dispatcher lease in the database. Taking or renewing it is one transaction over a
 * versioned row, so two servers racing for a free lease cannot both win: the loser's commit fails
 * and it stays standby until its next attempt.
 */
public final class DispatcherLeaseStore {
    private static final String LEASE = "dispatcher";

    private final SessionFactory sessions;

    public DispatcherLeaseStore(SessionFactory sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /**
     * Gives the lease to {@code holder} until {@code now + duration} when it already holds it or
     * the lease has expired, and returns its epoch; empty while another server holds it.
     */
    public Optional<Long> acquire(String holder, Instant now, Duration duration) {
        return sessions.fromTransaction(session -> {
            DispatcherLease lease = session.createQuery(
                            "from DispatcherLease where name = :name", DispatcherLease.class)
                    .setParameter("name", LEASE)
                    .uniqueResultOptional()
                    .orElseGet(() -> {
                        DispatcherLease created = new DispatcherLease(UUID.randomUUID(), LEASE);
                        session.persist(created);
                        return created;
                    });
            boolean mine = holder.equals(lease.getHolder());
            boolean free = lease.getExpiresAt() == null || lease.getExpiresAt().isBefore(now);
            if (!mine && !free) {
                return Optional.<Long>empty();
            }
            lease.grant(holder, now.plus(duration));
            return Optional.of(lease.getEpoch());
        });
    }
}
