package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A cluster-wide role (the dispatcher) held by one management server until {@code expiresAt}. The
 * epoch grows with every change of holder, so that updates sent by a deposed holder can be told apart;
 * the version column makes taking the lease a compare-and-set.
 */
@Entity
@Table(name = "dispatcher_leases")
public class DispatcherLease extends PersistentEntity {
    @Column(name = "name", nullable = false, updatable = false, length = 64)
    private String name;

    @Column(name = "holder")
    private String holder;

    @Column(name = "epoch", nullable = false)
    private long epoch;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DispatcherLease() {}

    public DispatcherLease(UUID uuid, String name) {
        super(uuid);
        this.name = requireNonNull(name, "name is null");
    }

    public String getName() {
        return name;
    }

    public String getHolder() {
        return holder;
    }

    public long getEpoch() {
        return epoch;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public long getVersion() {
        return version;
    }

    /** Gives the lease to {@code newHolder} until {@code until}; a new holder starts a new epoch. */
    public void grant(String newHolder, Instant until) {
        requireNonNull(newHolder, "newHolder is null");
        if (!newHolder.equals(holder)) {
            epoch++;
        }
        this.holder = newHolder;
        this.expiresAt = requireNonNull(until, "until is null");
    }
}
