package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A NIC of the same network on another host, reached through that host's tunnel endpoint. */
public record RemoteNic(MacAddress mac, List<IpAddress> ips, IpAddress hostTunnelIp) {
    public RemoteNic {
        requireNonNull(mac, "mac is null");
        ips = List.copyOf(requireNonNull(ips, "ips is null"));
        requireNonNull(hostTunnelIp, "hostTunnelIp is null");
    }
}
