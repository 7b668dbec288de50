package io.weft.server.ec2attributes;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One EC2-only setting of a resource (V5), such as a VPC's {@code enableDnsHostnames}. */
@Entity
@Table(name = "ec2_attributes")
public class Ec2Attribute extends PersistentEntity {
    @Column(name = "resource_uuid", nullable = false, updatable = false, length = 36)
    private UUID resourceUuid;

    @Column(name = "attribute_name", nullable = false, updatable = false, length = 64)
    private String name;

    @Column(name = "attribute_value", nullable = false)
    private String value;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    protected Ec2Attribute() {}

    public Ec2Attribute(UUID uuid, UUID resourceUuid, String name, String value, Instant created) {
        super(uuid);
        this.resourceUuid = requireNonNull(resourceUuid, "resourceUuid is null");
        this.name = requireNonNull(name, "name is null");
        this.value = requireNonNull(value, "value is null");
        this.created = requireNonNull(created, "created is null");
    }

    public UUID getResourceUuid() {
        return resourceUuid;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = requireNonNull(value, "value is null");
    }
}
