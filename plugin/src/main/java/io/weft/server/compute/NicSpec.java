package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.securitygroup.GroupRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A NIC to create on a network. Absent addresses are allocated (IPv4 from the network's pool, MAC at
 * random, IPv6 by EUI-64 on a /64).
 *
 * @param groups the security groups; absent means the default one (the VPC's for a network in a
 *     VPC, else the account's CloudStack default, created on first need); present and empty means none
 */
public record NicSpec(
        UUID networkId,
        Optional<String> ipAddress,
        Optional<String> ipv6Address,
        Optional<String> macAddress,
        Optional<List<GroupRef>> groups,
        boolean portSecurity,
        List<AddressPairSpec> addressPairs,
        Optional<String> description) {
    public NicSpec {
        requireNonNull(networkId, "networkId is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(ipv6Address, "ipv6Address is null");
        requireNonNull(macAddress, "macAddress is null");
        groups = requireNonNull(groups, "groups is null").map(List::copyOf);
        addressPairs = List.copyOf(requireNonNull(addressPairs, "addressPairs is null"));
        requireNonNull(description, "description is null");
    }

    public static NicSpec on(UUID networkId) {
        return new NicSpec(
                networkId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                List.of(),
                Optional.empty());
    }

    public NicSpec withIp(String ip) {
        return new NicSpec(
                networkId, Optional.of(ip), ipv6Address, macAddress, groups, portSecurity, addressPairs, description);
    }

    public NicSpec withMac(String mac) {
        return new NicSpec(
                networkId, ipAddress, ipv6Address, Optional.of(mac), groups, portSecurity, addressPairs, description);
    }

    public NicSpec withGroups(GroupRef... refs) {
        return new NicSpec(
                networkId,
                ipAddress,
                ipv6Address,
                macAddress,
                Optional.of(List.of(refs)),
                portSecurity,
                addressPairs,
                description);
    }

    public NicSpec withPortSecurity(boolean enabled) {
        return new NicSpec(networkId, ipAddress, ipv6Address, macAddress, groups, enabled, addressPairs, description);
    }

    public NicSpec withAddressPairs(AddressPairSpec... pairs) {
        return new NicSpec(
                networkId, ipAddress, ipv6Address, macAddress, groups, portSecurity, List.of(pairs), description);
    }
}
