package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.IpAddress;

/** A hypervisor as the dispatcher sees it: where its tunnels end and how its bridge is set up. */
public record FleetHost(String hostId, IpAddress tunnelEndpoint, BridgeSettings bridge) {
    public FleetHost {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(tunnelEndpoint, "tunnelEndpoint is null");
        requireNonNull(bridge, "bridge is null");
    }
}
