package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.Host;
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

/** What Weft knows of a VM: who owns it and on which host it runs. */
@Entity
@Table(name = "vms")
public class VirtualMachine extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "vm_group")
    private String group;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private VmState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    // The catalogue's ids, without a foreign key: see V4__catalogue.sql.
    @Column(name = "service_offering_uuid", length = 36)
    private UUID serviceOfferingId;

    @Column(name = "template_uuid", length = 36)
    private UUID templateId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VirtualMachine() {}

    public VirtualMachine(UUID uuid, Account account, Zone zone, String name, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.name = requireNonNull(name, "name is null");
        this.created = requireNonNull(created, "created is null");
        this.state = VmState.STARTING;
    }

    public Account getAccount() {
        return account;
    }

    public Zone getZone() {
        return zone;
    }

    /** Where it runs, or null when it is not placed. */
    public Host getHost() {
        return host;
    }

    public void setHost(Host host) {
        this.host = host;
    }

    public String getName() {
        return name;
    }

    /** The host name; CloudStack applies a new one at the VM's next start. */
    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** CloudStack's free group label; null when the VM has none. */
    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public VmState getState() {
        return state;
    }

    public void setState(VmState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    /** The service offering it was deployed with, or null (EC2 and REST VMs have none). */
    public UUID getServiceOfferingId() {
        return serviceOfferingId;
    }

    public void setServiceOfferingId(UUID serviceOfferingId) {
        this.serviceOfferingId = serviceOfferingId;
    }

    /** The template it was deployed from, or null. */
    public UUID getTemplateId() {
        return templateId;
    }

    public void setTemplateId(UUID templateId) {
        this.templateId = templateId;
    }

    public long getVersion() {
        return version;
    }
}
