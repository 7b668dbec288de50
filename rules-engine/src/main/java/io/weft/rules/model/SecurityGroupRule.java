package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One security group rule, validated on construction. Ports only with TCP/UDP; ICMP type/code
 * only with the ICMP of the rule's family; a remote CIDR of the rule's family. "Any ICMP type" is
 * stored as an absent match so that equal rules are equal records (the union deduplicates them).
 */
public record SecurityGroupRule(
        Direction direction,
        IpFamily etherType,
        Protocol protocol,
        Optional<PortRange> ports,
        Optional<IcmpMatch> icmp,
        RemoteSide remote) {
    public SecurityGroupRule {
        requireNonNull(direction, "direction is null");
        requireNonNull(etherType, "etherType is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(icmp, "icmp is null");
        requireNonNull(remote, "remote is null");
        if (ports.isPresent() && !protocol.hasPorts()) {
            throw new InvalidRuleException("a port range needs protocol tcp or udp, not " + describe(protocol));
        }
        if (protocol.isAnyIcmp() && !protocol.isIcmpFor(etherType)) {
            throw new InvalidRuleException("protocol " + describe(protocol) + " does not match ethertype " + etherType
                    + " (use icmp with IPv4 and icmpv6 with IPv6)");
        }
        if (icmp.isPresent() && !protocol.isIcmpFor(etherType)) {
            throw new InvalidRuleException("an ICMP type/code needs protocol icmp (IPv4) or icmpv6 (IPv6)");
        }
        icmp = icmp.filter(match -> !match.isAny());
        if (remote instanceof RemoteSide.RemoteCidr remoteCidr
                && remoteCidr.cidr().family() != etherType) {
            throw new InvalidRuleException("remote CIDR " + remoteCidr.cidr() + " is not of ethertype " + etherType);
        }
    }

    private static String describe(Protocol protocol) {
        return protocol.isAll() ? "all" : Integer.toString(protocol.number());
    }

    public static SecurityGroupRule of(Direction direction, IpFamily etherType, Protocol protocol, RemoteSide remote) {
        return new SecurityGroupRule(direction, etherType, protocol, Optional.empty(), Optional.empty(), remote);
    }

    public static SecurityGroupRule ports(
            Direction direction, IpFamily etherType, Protocol protocol, PortRange ports, RemoteSide remote) {
        return new SecurityGroupRule(direction, etherType, protocol, Optional.of(ports), Optional.empty(), remote);
    }

    public static SecurityGroupRule icmp(Direction direction, IpFamily etherType, IcmpMatch icmp, RemoteSide remote) {
        Protocol protocol = etherType == IpFamily.IPV4 ? Protocol.ICMP : Protocol.ICMPV6;
        return new SecurityGroupRule(direction, etherType, protocol, Optional.empty(), Optional.of(icmp), remote);
    }

    /** Allow everything in one direction and family, from or to anywhere. */
    public static SecurityGroupRule allowAll(Direction direction, IpFamily etherType) {
        String any = etherType == IpFamily.IPV4 ? "0.0.0.0/0" : "::/0";
        return of(direction, etherType, Protocol.ALL, RemoteSide.cidr(any));
    }
}
