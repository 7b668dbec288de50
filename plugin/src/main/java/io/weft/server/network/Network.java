package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.IsolationType;
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

/**
 * A tenant's isolated layer-2 network in a zone (a CloudStack guest network, an EC2 subnet). The
 * segment id is unique per zone and isolation type, which the schema enforces.
 */
@Entity
@Table(name = "networks")
public class Network extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scope_id", updatable = false)
    private NetworkScope scope;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "display_text")
    private String displayText;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "isolation_type", nullable = false, updatable = false, length = 8)
    private IsolationType isolationType;

    @Column(name = "segment_id")
    private Long segmentId;

    @Column(name = "cidr", nullable = false, length = 64)
    private String cidr;

    @Column(name = "gateway", nullable = false, length = 64)
    private String gateway;

    @Column(name = "start_ip", length = 64)
    private String startIp;

    @Column(name = "end_ip", length = 64)
    private String endIp;

    @Column(name = "ipv6_cidr", length = 64)
    private String ipv6Cidr;

    @Column(name = "ipv6_gateway", length = 64)
    private String ipv6Gateway;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private NetworkState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Network() {}

    public Network(
            UUID uuid,
            Account account,
            Zone zone,
            NetworkScope scope,
            String name,
            IsolationType isolationType,
            String cidr,
            String gateway,
            Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.scope = scope;
        this.name = requireNonNull(name, "name is null");
        this.isolationType = requireNonNull(isolationType, "isolationType is null");
        this.cidr = requireNonNull(cidr, "cidr is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.created = requireNonNull(created, "created is null");
        this.state = NetworkState.ALLOCATED;
    }

    public Account getAccount() {
        return account;
    }

    public Zone getZone() {
        return zone;
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

    public String getDisplayText() {
        return displayText;
    }

    public void setDisplayText(String displayText) {
        this.displayText = displayText;
    }

    public IsolationType getIsolationType() {
        return isolationType;
    }

    /** The segment id, or null until one is allocated. */
    public Long getSegmentId() {
        return segmentId;
    }

    public void setSegmentId(Long segmentId) {
        this.segmentId = segmentId;
    }

    public String getCidr() {
        return cidr;
    }

    public String getGateway() {
        return gateway;
    }

    /** The first guest address handed out, or null for the whole CIDR. */
    public String getStartIp() {
        return startIp;
    }

    /** The last guest address handed out, or null for the whole CIDR. */
    public String getEndIp() {
        return endIp;
    }

    public void setGuestRange(String startIp, String endIp) {
        this.startIp = startIp;
        this.endIp = endIp;
    }

    public String getIpv6Cidr() {
        return ipv6Cidr;
    }

    public String getIpv6Gateway() {
        return ipv6Gateway;
    }

    public void setIpv6(String ipv6Cidr, String ipv6Gateway) {
        this.ipv6Cidr = ipv6Cidr;
        this.ipv6Gateway = ipv6Gateway;
    }

    public NetworkState getState() {
        return state;
    }

    public void setState(NetworkState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
