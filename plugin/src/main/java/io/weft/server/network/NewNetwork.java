package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.IsolationType;
import java.util.Optional;
import java.util.UUID;

/**
 * A network to create. Absent values take defaults: the caller's account, VXLAN, a segment id from
 * the zone's ranges, the CIDR's first address as gateway, the whole CIDR as guest range.
 *
 * @param scopeId the EC2 VPC the network (subnet) belongs to; its CIDR must contain this one
 */
public record NewNetwork(
        Optional<UUID> accountId,
        UUID zoneId,
        String name,
        Optional<String> displayText,
        Optional<IsolationType> isolation,
        Optional<Long> segmentId,
        String cidr,
        Optional<String> gateway,
        Optional<String> startIp,
        Optional<String> endIp,
        Optional<String> ipv6Cidr,
        Optional<UUID> scopeId) {
    public NewNetwork {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayText, "displayText is null");
        requireNonNull(isolation, "isolation is null");
        requireNonNull(segmentId, "segmentId is null");
        requireNonNull(cidr, "cidr is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(startIp, "startIp is null");
        requireNonNull(endIp, "endIp is null");
        requireNonNull(ipv6Cidr, "ipv6Cidr is null");
        requireNonNull(scopeId, "scopeId is null");
    }

    public static NewNetwork of(UUID zoneId, String name, String cidr) {
        return new NewNetwork(
                Optional.empty(),
                zoneId,
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                cidr,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public NewNetwork forAccount(UUID account) {
        return new NewNetwork(
                Optional.of(account),
                zoneId,
                name,
                displayText,
                isolation,
                segmentId,
                cidr,
                gateway,
                startIp,
                endIp,
                ipv6Cidr,
                scopeId);
    }

    public NewNetwork withIsolation(IsolationType type, Optional<Long> segment) {
        return new NewNetwork(
                accountId,
                zoneId,
                name,
                displayText,
                Optional.of(type),
                segment,
                cidr,
                gateway,
                startIp,
                endIp,
                ipv6Cidr,
                scopeId);
    }

    public NewNetwork withGuestRange(String gatewayIp, String start, String end) {
        return new NewNetwork(
                accountId,
                zoneId,
                name,
                displayText,
                isolation,
                segmentId,
                cidr,
                Optional.of(gatewayIp),
                Optional.of(start),
                Optional.of(end),
                ipv6Cidr,
                scopeId);
    }

    public NewNetwork withIpv6(String cidr6) {
        return new NewNetwork(
                accountId,
                zoneId,
                name,
                displayText,
                isolation,
                segmentId,
                cidr,
                gateway,
                startIp,
                endIp,
                Optional.of(cidr6),
                scopeId);
    }

    public NewNetwork inScope(UUID scope) {
        return new NewNetwork(
                accountId,
                zoneId,
                name,
                displayText,
                isolation,
                segmentId,
                cidr,
                gateway,
                startIp,
                endIp,
                ipv6Cidr,
                Optional.of(scope));
    }
}
