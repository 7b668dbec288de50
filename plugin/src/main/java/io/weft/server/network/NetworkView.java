package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.IsolationType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A network as the APIs show it. {@code startIp}/{@code endIp} are the guest range in effect;
 * {@code availableAddresses} is what IPAM can still hand out (EC2's availableIpAddressCount).
 */
public record NetworkView(
        UUID id,
        String name,
        Optional<String> displayText,
        UUID accountId,
        String accountName,
        UUID domainId,
        String domainName,
        UUID zoneId,
        String zoneName,
        Optional<UUID> scopeId,
        IsolationType isolation,
        Optional<Long> segmentId,
        String cidr,
        String gateway,
        String netmask,
        String startIp,
        String endIp,
        Optional<String> ipv6Cidr,
        Optional<String> ipv6Gateway,
        NetworkState state,
        long nicCount,
        long availableAddresses,
        Instant created) {
    public NetworkView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(zoneName, "zoneName is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(isolation, "isolation is null");
        requireNonNull(segmentId, "segmentId is null");
        requireNonNull(cidr, "cidr is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(startIp, "startIp is null");
        requireNonNull(endIp, "endIp is null");
        requireNonNull(ipv6Cidr, "ipv6Cidr is null");
        requireNonNull(ipv6Gateway, "ipv6Gateway is null");
        requireNonNull(state, "state is null");
        requireNonNull(created, "created is null");
    }
}
