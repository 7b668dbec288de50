package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Account;
import io.weft.server.topology.HypervisorType;
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
 * What a VM boots from, as metadata: Weft stores no image, only what clients name and compare. A
 * template without an owner belongs to the system; one without a zone is in every zone.
 */
@Entity
@Table(name = "templates")
public class Template extends CatalogueEntry {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @Column(name = "format", nullable = false, length = 16, updatable = false)
    private String format;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "hypervisor", nullable = false, length = 16, updatable = false)
    private HypervisorType hypervisor;

    @Column(name = "os_type_uuid", nullable = false, length = 36)
    private UUID osTypeId;

    @Column(name = "url", nullable = false, length = 2048, updatable = false)
    private String url;

    @Column(name = "zone_uuid", length = 36, updatable = false)
    private UUID zoneId;

    @Column(name = "is_public", nullable = false)
    private boolean isPublic;

    @Column(name = "is_featured", nullable = false)
    private boolean isFeatured;

    @Column(name = "password_enabled", nullable = false)
    private boolean passwordEnabled;

    protected Template() {}

    public Template(UUID uuid, Account account, TemplateSpec spec, Instant created) {
        super(uuid, requireNonNull(spec, "spec is null").name(), spec.displayText(), created);
        this.account = requireNonNull(account, "account is null");
        this.format = spec.format();
        this.hypervisor = spec.hypervisor();
        this.osTypeId = spec.osTypeId();
        this.url = spec.url();
        this.zoneId = spec.zoneId().orElse(null);
        this.isPublic = spec.isPublic();
        this.isFeatured = spec.isFeatured();
        this.passwordEnabled = spec.passwordEnabled();
    }

    /** The owner, or null for a template of the system. */
    public Account getAccount() {
        return account;
    }

    public String getFormat() {
        return format;
    }

    public HypervisorType getHypervisor() {
        return hypervisor;
    }

    public UUID getOsTypeId() {
        return osTypeId;
    }

    public String getUrl() {
        return url;
    }

    /** The one zone the template is in, or null when it is in every zone. */
    public UUID getZoneId() {
        return zoneId;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public boolean isFeatured() {
        return isFeatured;
    }

    public boolean isPasswordEnabled() {
        return passwordEnabled;
    }
}
