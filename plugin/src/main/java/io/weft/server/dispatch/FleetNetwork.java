package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Segment;

/** A tenant network and the segment that isolates it. */
public record FleetNetwork(String networkId, Segment segment) {
    public FleetNetwork {
        requireNonNull(networkId, "networkId is null");
        requireNonNull(segment, "segment is null");
    }
}
