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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One range of segment ids a zone hands out for one isolation type. Owned by its {@link Zone}. */
@Entity
@Table(name = "zone_segment_ranges")
public class ZoneSegmentRange extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "isolation_type", nullable = false, updatable = false, length = 8)
    private IsolationType isolationType;

    @Column(name = "range_start", nullable = false, updatable = false)
    private long rangeStart;

    @Column(name = "range_end", nullable = false, updatable = false)
    private long rangeEnd;

    protected ZoneSegmentRange() {}

    ZoneSegmentRange(UUID uuid, Zone zone, SegmentRange range) {
        super(uuid);
        this.zone = requireNonNull(zone, "zone is null");
        this.isolationType = range.type();
        this.rangeStart = range.start();
        this.rangeEnd = range.end();
    }

    public Zone getZone() {
        return zone;
    }

    public SegmentRange toRange() {
        return new SegmentRange(isolationType, rangeStart, rangeEnd);
    }
}
