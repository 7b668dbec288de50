package io.weft.server.network.ipam;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A zone's segment ids of one isolation type (VXLAN VNIs, GRE keys or VLAN ids), as inclusive
 * ranges. Pure: the caller supplies the ids in use and persists the choice under a unique
 * constraint, so two servers racing for the same id cannot both win.
 */
public record SegmentPool(String what, List<Range> ranges) {
    /** An inclusive range of segment ids. */
    public record Range(long from, long to) {
        public Range {
            if (from < 1 || from > to) {
                throw WeftException.invalid(
                        "segment range " + from + "-" + to + " is not an ascending range of ids >= 1");
            }
        }
    }

    public SegmentPool {
        requireNonNull(what, "what is null");
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
    }

    public boolean contains(long id) {
        return ranges.stream().anyMatch(r -> id >= r.from() && id <= r.to());
    }

    /** The requested id if it is in the pool and free, else the lowest free one. */
    public long allocate(Set<Long> inUse, Optional<Long> requested) {
        if (requested.isPresent()) {
            long wanted = requested.get();
            if (!contains(wanted)) {
                throw WeftException.invalid(what + " " + wanted + " is outside the zone's ranges " + describe());
            }
            if (inUse.contains(wanted)) {
                throw new WeftException(ErrorCode.DUPLICATE, what + " " + wanted + " is already in use");
            }
            return wanted;
        }
        for (Range range : ranges) {
            for (long id = range.from(); id <= range.to(); id++) {
                if (!inUse.contains(id)) {
                    return id;
                }
            }
        }
        throw new WeftException(
                ErrorCode.CAPACITY_EXHAUSTED, "no free " + what + " left in the zone's ranges " + describe());
    }

    private String describe() {
        return ranges.stream().map(r -> r.from() + "-" + r.to()).toList().toString();
    }
}
