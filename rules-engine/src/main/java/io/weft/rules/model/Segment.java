package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

/** A network's isolation: VXLAN VNI, GRE key or VLAN id. */
public record Segment(SegmentType type, long id) {
    public Segment {
        requireNonNull(type, "type is null");
        if (id < 1 || id > type.maxId()) {
            throw new InvalidModelException(type + " segment id " + id + " is outside 1-" + type.maxId());
        }
    }
}
