package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A zone as the APIs show it. */
public record ZoneView(
        UUID id,
        String name,
        NetworkType networkType,
        String dns1,
        Optional<String> dns2,
        String internalDns1,
        Optional<String> internalDns2,
        boolean securityGroupsEnabled,
        AllocationState allocationState,
        Optional<String> guestCidr,
        List<SegmentRange> segmentRanges) {
    public ZoneView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(networkType, "networkType is null");
        requireNonNull(dns1, "dns1 is null");
        requireNonNull(dns2, "dns2 is null");
        requireNonNull(internalDns1, "internalDns1 is null");
        requireNonNull(internalDns2, "internalDns2 is null");
        requireNonNull(allocationState, "allocationState is null");
        requireNonNull(guestCidr, "guestCidr is null");
        segmentRanges = List.copyOf(segmentRanges);
    }
}
