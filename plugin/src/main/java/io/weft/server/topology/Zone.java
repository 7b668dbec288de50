package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A CloudStack zone: the outermost container, and the pool of segment ids its networks draw from. */
@Entity
@Table(name = "zones")
public class Zone extends PersistentEntity implements Named {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "dns1", nullable = false, length = 64)
    private String dns1;

    @Column(name = "dns2", length = 64)
    private String dns2;

    @Column(name = "internal_dns1", nullable = false, length = 64)
    private String internalDns1;

    @Column(name = "internal_dns2", length = 64)
    private String internalDns2;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "network_type", nullable = false, length = 16)
    private NetworkType networkType;

    @Column(name = "security_groups_enabled", nullable = false)
    private boolean securityGroupsEnabled;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "allocation_state", nullable = false, length = 16)
    private AllocationState allocationState;

    @Column(name = "guest_cidr", length = 64)
    private String guestCidr;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "zone", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("isolationType, rangeStart")
    private List<ZoneSegmentRange> segmentRanges = new ArrayList<>();

    protected Zone() {}

    public Zone(UUID uuid, String name, NetworkType networkType, String dns1, String internalDns1, Instant created) {
        super(uuid);
        this.name = requireNonNull(name, "name is null");
        this.networkType = requireNonNull(networkType, "networkType is null");
        this.dns1 = requireNonNull(dns1, "dns1 is null");
        this.internalDns1 = requireNonNull(internalDns1, "internalDns1 is null");
        this.created = requireNonNull(created, "created is null");
        this.allocationState = AllocationState.ENABLED;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String getDns1() {
        return dns1;
    }

    public void setDns1(String dns1) {
        this.dns1 = requireNonNull(dns1, "dns1 is null");
    }

    public String getDns2() {
        return dns2;
    }

    public void setDns2(String dns2) {
        this.dns2 = dns2;
    }

    public String getInternalDns1() {
        return internalDns1;
    }

    public void setInternalDns1(String internalDns1) {
        this.internalDns1 = requireNonNull(internalDns1, "internalDns1 is null");
    }

    public String getInternalDns2() {
        return internalDns2;
    }

    public void setInternalDns2(String internalDns2) {
        this.internalDns2 = internalDns2;
    }

    public NetworkType getNetworkType() {
        return networkType;
    }

    public boolean isSecurityGroupsEnabled() {
        return securityGroupsEnabled;
    }

    public void setSecurityGroupsEnabled(boolean securityGroupsEnabled) {
        this.securityGroupsEnabled = securityGroupsEnabled;
    }

    public AllocationState getAllocationState() {
        return allocationState;
    }

    public void setAllocationState(AllocationState allocationState) {
        this.allocationState = requireNonNull(allocationState, "allocationState is null");
    }

    public String getGuestCidr() {
        return guestCidr;
    }

    public void setGuestCidr(String guestCidr) {
        this.guestCidr = guestCidr;
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }

    public List<ZoneSegmentRange> getSegmentRanges() {
        return List.copyOf(segmentRanges);
    }

    /** Replaces every range; the caller has checked that the new ones are valid and disjoint. */
    public void replaceSegmentRanges(List<SegmentRange> ranges) {
        segmentRanges.clear();
        for (SegmentRange range : ranges) {
            segmentRanges.add(new ZoneSegmentRange(UUID.randomUUID(), this, range));
        }
    }
}
