package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the transactional outbox: written in the same transaction as the change it names, so a
 * change is never lost between the database and the dispatcher.
 */
@Entity
@Table(name = "change_records")
public class ChangeRecord extends PersistentEntity {
    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "kind", nullable = false, updatable = false, length = 64)
    private String kind;

    @Column(name = "payload", nullable = false, updatable = false, length = DatabaseVendor.LONG_TEXT_LENGTH)
    private String payload;

    @Column(name = "dispatched", nullable = false)
    private boolean dispatched;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    protected ChangeRecord() {}

    /** @param payload a JSON document naming what changed */
    public ChangeRecord(UUID uuid, Instant created, String kind, String payload) {
        super(uuid);
        this.created = requireNonNull(created, "created is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.payload = requireNonNull(payload, "payload is null");
    }

    public Instant getCreated() {
        return created;
    }

    public String getKind() {
        return kind;
    }

    public String getPayload() {
        return payload;
    }

    public boolean isDispatched() {
        return dispatched;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public void markDispatched(Instant when) {
        this.dispatched = true;
        this.dispatchedAt = requireNonNull(when, "when is null");
    }
}
