package io.weft.server.tags;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A key/value tag on any resource, named by its type ("Network", "SecurityGroup", ...) and uuid. */
@Entity
@Table(name = "resource_tags")
public class ResourceTag extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "resource_type", nullable = false, updatable = false, length = 64)
    private String resourceType;

    @Column(name = "resource_uuid", nullable = false, updatable = false, length = 36)
    private UUID resourceUuid;

    @Column(name = "tag_key", nullable = false, updatable = false, length = 128)
    private String key;

    @Column(name = "tag_value", nullable = false)
    private String value;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    protected ResourceTag() {}

    public ResourceTag(
            UUID uuid,
            Account account,
            String resourceType,
            UUID resourceUuid,
            String key,
            String value,
            Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.resourceType = requireNonNull(resourceType, "resourceType is null");
        this.resourceUuid = requireNonNull(resourceUuid, "resourceUuid is null");
        this.key = requireNonNull(key, "key is null");
        this.value = requireNonNull(value, "value is null");
        this.created = requireNonNull(created, "created is null");
    }

    public Account getAccount() {
        return account;
    }

    public String getResourceType() {
        return resourceType;
    }

    public UUID getResourceUuid() {
        return resourceUuid;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public Instant getCreated() {
        return created;
    }
}
