package io.weft.server.securitygroup;

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
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One rule of a security group. Its group and direction are fixed; its content changes only in place
 * through {@link #redefine} (EC2's ModifySecurityGroupRules keeps the rule's id). The remote side is a
 * CIDR or a group, exactly one of them (a CHECK in the schema).
 */
@Entity(name = "SecurityGroupRule")
@Table(name = "security_group_rules")
public class SecurityGroupRuleEntity extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "security_group_id", nullable = false, updatable = false)
    private SecurityGroupEntity securityGroup;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "direction", nullable = false, updatable = false, length = 8)
    private RuleDirection direction;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "ether_type", nullable = false, length = 8)
    private EtherType etherType;

    // "all", "tcp", "udp", "icmp", "icmpv6" or an IP protocol number, in lower case.
    @Column(name = "protocol", nullable = false, length = 16)
    private String protocol;

    @Column(name = "start_port")
    private Integer startPort;

    @Column(name = "end_port")
    private Integer endPort;

    @Column(name = "icmp_type")
    private Integer icmpType;

    @Column(name = "icmp_code")
    private Integer icmpCode;

    @Column(name = "remote_cidr", length = 64)
    private String remoteCidr;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "remote_group_id")
    private SecurityGroupEntity remoteGroup;

    @Column(name = "description")
    private String description;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    protected SecurityGroupRuleEntity() {}

    private SecurityGroupRuleEntity(
            UUID uuid,
            SecurityGroupEntity securityGroup,
            RuleDirection direction,
            EtherType etherType,
            String protocol,
            String remoteCidr,
            SecurityGroupEntity remoteGroup,
            Instant created) {
        super(uuid);
        this.securityGroup = requireNonNull(securityGroup, "securityGroup is null");
        this.direction = requireNonNull(direction, "direction is null");
        this.etherType = requireNonNull(etherType, "etherType is null");
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.remoteCidr = remoteCidr;
        this.remoteGroup = remoteGroup;
        this.created = requireNonNull(created, "created is null");
    }

    public static SecurityGroupRuleEntity toCidr(
            UUID uuid,
            SecurityGroupEntity group,
            RuleDirection direction,
            EtherType etherType,
            String protocol,
            String remoteCidr,
            Instant created) {
        return new SecurityGroupRuleEntity(
                uuid,
                group,
                direction,
                etherType,
                protocol,
                requireNonNull(remoteCidr, "remoteCidr is null"),
                null,
                created);
    }

    public static SecurityGroupRuleEntity toGroup(
            UUID uuid,
            SecurityGroupEntity group,
            RuleDirection direction,
            EtherType etherType,
            String protocol,
            SecurityGroupEntity remoteGroup,
            Instant created) {
        return new SecurityGroupRuleEntity(
                uuid,
                group,
                direction,
                etherType,
                protocol,
                null,
                requireNonNull(remoteGroup, "remoteGroup is null"),
                created);
    }

    /**
     * Replaces the protocol and the remote side, keeping the id, group and direction; set ports, ICMP
     * and description after it. Exactly one of {@code remoteCidr} and {@code remoteGroup} is non-null.
     */
    public SecurityGroupRuleEntity redefine(
            EtherType etherType, String protocol, String remoteCidr, SecurityGroupEntity remoteGroup) {
        if ((remoteCidr == null) == (remoteGroup == null)) {
            throw new IllegalArgumentException("a rule names exactly one of a remote CIDR and a remote group");
        }
        this.etherType = requireNonNull(etherType, "etherType is null");
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.remoteCidr = remoteCidr;
        this.remoteGroup = remoteGroup;
        return this;
    }

    /** Sets the port range (TCP, UDP); both null for all ports. */
    public SecurityGroupRuleEntity withPorts(Integer startPort, Integer endPort) {
        this.startPort = startPort;
        this.endPort = endPort;
        return this;
    }

    /** Sets the ICMP type and code; null (or -1 on the wire) for any. */
    public SecurityGroupRuleEntity withIcmp(Integer icmpType, Integer icmpCode) {
        this.icmpType = icmpType;
        this.icmpCode = icmpCode;
        return this;
    }

    public SecurityGroupRuleEntity withDescription(String description) {
        this.description = description;
        return this;
    }

    public SecurityGroupEntity getSecurityGroup() {
        return securityGroup;
    }

    public RuleDirection getDirection() {
        return direction;
    }

    public EtherType getEtherType() {
        return etherType;
    }

    public String getProtocol() {
        return protocol;
    }

    public Integer getStartPort() {
        return startPort;
    }

    public Integer getEndPort() {
        return endPort;
    }

    public Integer getIcmpType() {
        return icmpType;
    }

    public Integer getIcmpCode() {
        return icmpCode;
    }

    /** The remote CIDR, or null when the remote side is a group. */
    public String getRemoteCidr() {
        return remoteCidr;
    }

    /** The remote group, or null when the remote side is a CIDR. */
    public SecurityGroupEntity getRemoteGroup() {
        return remoteGroup;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreated() {
        return created;
    }
}
