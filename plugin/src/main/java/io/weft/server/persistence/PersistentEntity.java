package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.util.UUID;

/**
 * What every row has: a numeric key for joins, never shown outside, and a public uuid that the APIs
 * use. Identity is the uuid, which is assigned before the row is saved.
 */
@MappedSuperclass
public abstract class PersistentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "weft_id")
    // One shared sequence; 50 matches its INCREMENT BY so Hibernate's pooled optimizer can batch.
    @SequenceGenerator(name = "weft_id", sequenceName = "weft_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "uuid", nullable = false, updatable = false, length = 36)
    private UUID uuid;

    /** For Hibernate. */
    protected PersistentEntity() {}

    protected PersistentEntity(UUID uuid) {
        this.uuid = requireNonNull(uuid, "uuid is null");
    }

    /** The surrogate key; null until the entity is persisted. */
    public Long getId() {
        return id;
    }

    public UUID getUuid() {
        return uuid;
    }

    // Not final and through the getter: Hibernate's lazy proxies must be able to intercept both.
    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof PersistentEntity that && getUuid().equals(that.getUuid()));
    }

    @Override
    public int hashCode() {
        return getUuid().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + getUuid() + "]";
    }
}
