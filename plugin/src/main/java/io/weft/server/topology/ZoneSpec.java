package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What createZone needs. Addresses and ranges are checked by the service. */
public record ZoneSpec(
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
    public ZoneSpec {
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

    /** An enabled advanced zone with security groups and the given VXLAN range, for the common case. */
    public static ZoneSpec advanced(String name, String dns, long vniStart, long vniEnd) {
        return new ZoneSpec(
                name,
                NetworkType.ADVANCED,
                dns,
                Optional.empty(),
                dns,
                Optional.empty(),
                true,
                AllocationState.ENABLED,
                Optional.empty(),
                List.of(new SegmentRange(IsolationType.VXLAN, vniStart, vniEnd)));
    }
}
