package io.weft.server.tenancy;

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
 * A node of the domain tree. Its path ({@code ROOT/}, {@code ROOT/sales/}) makes "is in the subtree
 * of" a prefix test, in Java and in SQL.
 */
@Entity
@Table(name = "domains")
public class Domain extends PersistentEntity {
    public static final String ROOT_NAME = "ROOT";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", updatable = false)
    private Domain parent;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "path", nullable = false, updatable = false, length = 512)
    private String path;

    @Column(name = "level", nullable = false, updatable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private TenancyState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Domain() {}

    private Domain(UUID uuid, Domain parent, String name, String path, int level, Instant created) {
        super(uuid);
        this.parent = parent;
        this.name = requireNonNull(name, "name is null");
        this.path = path;
        this.level = level;
        this.created = requireNonNull(created, "created is null");
        this.state = TenancyState.ENABLED;
    }

    public static Domain root(UUID uuid, Instant created) {
        return new Domain(uuid, null, ROOT_NAME, ROOT_NAME + "/", 0, created);
    }

    public static Domain child(UUID uuid, Domain parent, String name, Instant created) {
        requireNonNull(parent, "parent is null");
        if (name.contains("/")) {
            throw new IllegalArgumentException("a domain name may not contain '/'");
        }
        return new Domain(uuid, parent, name, parent.getPath() + name + "/", parent.getLevel() + 1, created);
    }

    /** The parent, or null for ROOT. */
    public Domain getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public int getLevel() {
        return level;
    }

    public boolean isRoot() {
        return level == 0;
    }

    /** Whether {@code other} is this domain or lies below it. */
    public boolean contains(Domain other) {
        return other.getPath().startsWith(path);
    }

    public TenancyState getState() {
        return state;
    }

    public void setState(TenancyState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
