package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.Zone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An address range that groups networks and security groups of one account: an EC2 VPC. */
@Entity
@Table(name = "network_scopes")
public class NetworkScope extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "zone_id", updatable = false)
    private Zone zone;

    @Column(name = "name")
    private String name;

    @Column(name = "cidr", nullable = false, updatable = false, length = 64)
    private String cidr;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private ScopeState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected NetworkScope() {}

    public NetworkScope(UUID uuid, Account account, Zone zone, String cidr, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.zone = zone;
        this.cidr = requireNonNull(cidr, "cidr is null");
        this.created = requireNonNull(created, "created is null");
        this.state = ScopeState.AVAILABLE;
    }

    public Account getAccount() {
        return account;
    }

    /** The zone, or null for a scope that spans zones. */
    public Zone getZone() {
        return zone;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCidr() {
        return cidr;
    }

    public ScopeState getState() {
        return state;
    }

    public void setState(ScopeState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
