package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import io.weft.server.securitygroup.SecurityGroupEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A NIC's membership in a security group: its rules apply to the NIC, and its addresses fill the
 * group's ipset on every host where a rule references the group.
 */
@Entity
@Table(name = "nic_security_groups")
public class NicSecurityGroup extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "nic_id", nullable = false, updatable = false)
    private Nic nic;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "security_group_id", nullable = false, updatable = false)
    private SecurityGroupEntity securityGroup;

    protected NicSecurityGroup() {}

    public NicSecurityGroup(UUID uuid, Nic nic, SecurityGroupEntity securityGroup) {
        super(uuid);
        this.nic = requireNonNull(nic, "nic is null");
        this.securityGroup = requireNonNull(securityGroup, "securityGroup is null");
    }

    public Nic getNic() {
        return nic;
    }

    public SecurityGroupEntity getSecurityGroup() {
        return securityGroup;
    }
}
