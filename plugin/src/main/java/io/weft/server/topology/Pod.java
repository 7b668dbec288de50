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

/** A CloudStack pod: a rack or a layer-2 domain in a zone, with its management address range. */
@Entity
@Table(name = "pods")
public class Pod extends PersistentEntity implements InZone {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "gateway", length = 64)
    private String gateway;

    @Column(name = "netmask", length = 64)
    private String netmask;

    @Column(name = "start_ip", length = 64)
    private String startIp;

    @Column(name = "end_ip", length = 64)
    private String endIp;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "allocation_state", nullable = false, length = 16)
    private AllocationState allocationState;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Pod() {}

    public Pod(UUID uuid, Zone zone, String name, Instant created) {
        super(uuid);
        this.zone = requireNonNull(zone, "zone is null");
        this.name = requireNonNull(name, "name is null");
        this.created = requireNonNull(created, "created is null");
        this.allocationState = AllocationState.ENABLED;
    }

    public Zone getZone() {
        return zone;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String getGateway() {
        return gateway;
    }

    public String getNetmask() {
        return netmask;
    }

    public String getStartIp() {
        return startIp;
    }

    public String getEndIp() {
        return endIp;
    }

    /** Sets the management addressing; all null, or checked for consistency by the caller. */
    public void setAddressing(String gateway, String netmask, String startIp, String endIp) {
        this.gateway = gateway;
        this.netmask = netmask;
        this.startIp = startIp;
        this.endIp = endIp;
    }

    public AllocationState getAllocationState() {
        return allocationState;
    }

    public void setAllocationState(AllocationState allocationState) {
        this.allocationState = requireNonNull(allocationState, "allocationState is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
