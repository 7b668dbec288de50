package io.weft.lab.harness;

import io.weft.server.topology.AllocationState;
import io.weft.server.topology.NetworkType;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.ZoneSpec;
import java.util.List;
import java.util.Optional;

/** The zone a simulated fleet lives in: advanced networking, enabled, with the given segment ranges. */
public final class AdvancedZone {
    private AdvancedZone() {}

    public static ZoneSpec named(String name, SegmentRange... segments) {
        return new ZoneSpec(
                name,
                NetworkType.ADVANCED,
                "10.0.0.53",
                Optional.empty(),
                "10.0.0.53",
                Optional.empty(),
                true,
                AllocationState.ENABLED,
                Optional.empty(),
                List.of(segments));
    }
}
