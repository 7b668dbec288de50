package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.Session;

/** Appends change records to the outbox, in the session (so the transaction) of the change itself. */
public final class ChangeLog {
    private final Clock clock;

    @Inject
    public ChangeLog(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** @param payloadJson a JSON document that names what changed */
    public ChangeRecord append(Session session, String kind, String payloadJson) {
        ChangeRecord record = new ChangeRecord(UUID.randomUUID(), clock.instant(), kind, payloadJson);
        session.persist(record);
        return record;
    }
}
