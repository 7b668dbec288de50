package io.weft.server.topology;

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

/**
 * A CloudStack cluster: hosts of one hypervisor type. The pod is optional because jclouds creates
 * clusters without one.
 */
@Entity
@Table(name = "clusters")
public class Cluster extends PersistentEntity implements InZone {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pod_id", updatable = false)
    private Pod pod;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "hypervisor_type", nullable = false, length = 32)
    private HypervisorType hypervisorType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "cluster_type", nullable = false, length = 32)
    private ClusterType clusterType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "allocation_state", nullable = false, length = 16)
    private AllocationState allocationState;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "managed_state", nullable = false, length = 16)
    private ManagedState managedState;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Cluster() {}

    public Cluster(
            UUID uuid,
            Zone zone,
            Pod pod,
            String name,
            HypervisorType hypervisorType,
            ClusterType clusterType,
            Instant created) {
        super(uuid);
        this.zone = requireNonNull(zone, "zone is null");
        this.pod = pod;
        this.name = requireNonNull(name, "name is null");
        this.hypervisorType = requireNonNull(hypervisorType, "hypervisorType is null");
        this.clusterType = requireNonNull(clusterType, "clusterType is null");
        this.created = requireNonNull(created, "created is null");
        this.allocationState = AllocationState.ENABLED;
        this.managedState = ManagedState.MANAGED;
    }

    public Zone getZone() {
        return zone;
    }

    /** The pod, or null. */
    public Pod getPod() {
        return pod;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public HypervisorType getHypervisorType() {
        return hypervisorType;
    }

    public ClusterType getClusterType() {
        return clusterType;
    }

    public AllocationState getAllocationState() {
        return allocationState;
    }

    public void setAllocationState(AllocationState allocationState) {
        this.allocationState = requireNonNull(allocationState, "allocationState is null");
    }

    public ManagedState getManagedState() {
        return managedState;
    }

    public void setManagedState(ManagedState managedState) {
        this.managedState = requireNonNull(managedState, "managedState is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
