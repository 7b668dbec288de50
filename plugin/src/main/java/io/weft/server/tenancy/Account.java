package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
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

/** A tenant: owns networks, VMs and security groups; its users act for it with its role. */
@Entity
@Table(name = "accounts")
public class Account extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id", nullable = false, updatable = false)
    private Domain domain;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "account_type", nullable = false)
    private int accountType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private TenancyState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {}

    public Account(UUID uuid, Domain domain, String name, Role role, Instant created) {
        super(uuid);
        this.domain = requireNonNull(domain, "domain is null");
        this.name = requireNonNull(name, "name is null");
        this.accountType = requireNonNull(role, "role is null").accountType();
        this.created = requireNonNull(created, "created is null");
        this.state = TenancyState.ENABLED;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public Role getRole() {
        return Role.fromAccountType(accountType);
    }

    public TenancyState getState() {
        return state;
    }

    public void setState(TenancyState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
