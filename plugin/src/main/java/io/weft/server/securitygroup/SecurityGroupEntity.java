package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.NetworkScope;
import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
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

/** A stateful security group, owned by an account; names are unique per account and scope. */
@Entity(name = "SecurityGroup")
@Table(name = "security_groups")
public class SecurityGroupEntity extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scope_id", updatable = false)
    private NetworkScope scope;

    // The scope's uuid or "" so that the unique key (account, scope, name) also holds without a scope.
    @Column(name = "scope_key", nullable = false, updatable = false, length = 36)
    private String scopeKey;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "egress_policy", nullable = false, updatable = false, length = 32)
    private EgressPolicy egressPolicy;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SecurityGroupEntity() {}

    public SecurityGroupEntity(
            UUID uuid, Account account, NetworkScope scope, String name, EgressPolicy egressPolicy, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.scope = scope;
        this.scopeKey = scope == null ? "" : scope.getUuid().toString();
        this.name = requireNonNull(name, "name is null");
        this.egressPolicy = requireNonNull(egressPolicy, "egressPolicy is null");
        this.created = requireNonNull(created, "created is null");
    }

    public Account getAccount() {
        return account;
    }

    /** The scope (VPC), or null. */
    public NetworkScope getScope() {
        return scope;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public EgressPolicy getEgressPolicy() {
        return egressPolicy;
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
