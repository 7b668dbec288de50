package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

/** An inclusive range of segment ids (VXLAN VNIs, GRE keys or VLAN ids). */
public record SegmentRange(IsolationType type, long start, long end) {
    public SegmentRange {
        requireNonNull(type, "type is null");
        if (!type.isValidSegment(start) || !type.isValidSegment(end) || start > end) {
            throw new IllegalArgumentException("invalid " + type + " range " + start + "-" + end + ": ids run from "
                    + type.minSegment() + " to " + type.maxSegment() + " and the start may not exceed the end");
        }
    }

    public boolean overlaps(SegmentRange other) {
        return type == other.type && start <= other.end && other.start <= end;
    }

    public long size() {
        return end - start + 1;
    }
}
