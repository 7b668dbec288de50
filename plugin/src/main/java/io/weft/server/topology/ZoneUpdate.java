package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What updateZone may change; empty fields stay as they are. */
public record ZoneUpdate(
        Optional<String> name,
        Optional<String> dns1,
        Optional<String> dns2,
        Optional<String> internalDns1,
        Optional<String> internalDns2,
        Optional<AllocationState> allocationState,
        Optional<String> guestCidr,
        Optional<List<SegmentRange>> segmentRanges) {
    public ZoneUpdate {
        requireNonNull(name, "name is null");
        requireNonNull(dns1, "dns1 is null");
        requireNonNull(dns2, "dns2 is null");
        requireNonNull(internalDns1, "internalDns1 is null");
        requireNonNull(internalDns2, "internalDns2 is null");
        requireNonNull(allocationState, "allocationState is null");
        requireNonNull(guestCidr, "guestCidr is null");
        segmentRanges = segmentRanges.map(List::copyOf);
    }

    public static ZoneUpdate none() {
        return new ZoneUpdate(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public ZoneUpdate withName(String newName) {
        return new ZoneUpdate(
                Optional.of(newName),
                dns1,
                dns2,
                internalDns1,
                internalDns2,
                allocationState,
                guestCidr,
                segmentRanges);
    }

    public ZoneUpdate withAllocationState(AllocationState state) {
        return new ZoneUpdate(
                name, dns1, dns2, internalDns1, internalDns2, Optional.of(state), guestCidr, segmentRanges);
    }

    public ZoneUpdate withSegmentRanges(List<SegmentRange> ranges) {
        return new ZoneUpdate(
                name, dns1, dns2, internalDns1, internalDns2, allocationState, guestCidr, Optional.of(ranges));
    }
}
