package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What offerings and templates share: a name and a display text, and removal by marking. A removed
 * entry keeps its row so that VMs deployed with it keep reporting its name, as CloudStack's do.
 */
@MappedSuperclass
public abstract class CatalogueEntry extends PersistentEntity {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "display_text", nullable = false, length = 4096)
    private String displayText;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "removed")
    private Instant removed;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For Hibernate. */
    protected CatalogueEntry() {}

    protected CatalogueEntry(UUID uuid, String name, String displayText, Instant created) {
        super(uuid);
        this.name = requireNonNull(name, "name is null");
        this.displayText = requireNonNull(displayText, "displayText is null");
        this.created = requireNonNull(created, "created is null");
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
        this.displayText = requireNonNull(displayText, "displayText is null");
    }

    public Instant getCreated() {
        return created;
    }

    public boolean isRemoved() {
        return removed != null;
    }

    public void markRemoved(Instant when) {
        this.removed = requireNonNull(when, "when is null");
    }
}
