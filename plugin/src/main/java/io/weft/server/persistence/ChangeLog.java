package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeCodec;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Appends change records to the outbox, in the session (so the transaction) of the change itself,
 * in the one format of {@link ChangeCodec}.
 */
public final class ChangeLog {
    private final Clock clock;

    @Inject
    public ChangeLog(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Appends one record, or none when the change names no ids; returns the ids of what was written. */
    public List<Long> append(Session session, Change change) {
        requireNonNull(session, "session is null");
        requireNonNull(change, "change is null");
        if (change.ids().isEmpty()) {
            return List.of();
        }
        ChangeRecord record = new ChangeRecord(
                UUID.randomUUID(), clock.instant(), change.kind().stored(), ChangeCodec.payload(change));
        session.persist(record);
        return List.of(record.getId());
    }
}
