package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A network as one host sees it: its segment, the other hosts that hold it (broadcast goes only
 * there) and the NICs on those hosts. A VLAN network is local plus the uplink, so its remote lists
 * are not used.
 */
public record NetworkView(String networkId, Segment segment, List<IpAddress> remoteHosts, List<RemoteNic> remoteNics) {
    public NetworkView {
        requireNonNull(networkId, "networkId is null");
        requireNonNull(segment, "segment is null");
        remoteHosts = List.copyOf(requireNonNull(remoteHosts, "remoteHosts is null"));
        remoteNics = List.copyOf(requireNonNull(remoteNics, "remoteNics is null"));
    }
}
