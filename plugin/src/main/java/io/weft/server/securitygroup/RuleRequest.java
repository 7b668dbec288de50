package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.service.TextFields;
import java.util.List;
import java.util.Optional;

/**
 * One permission as both APIs send it: a protocol ({@code tcp udp icmp icmpv6 all -1} or a number,
 * any case), a port range or ICMP type/code (-1 = any), and the remote side as CIDRs and/or groups.
 * It becomes one rule per CIDR and one per group.
 *
 * @param etherType the family of rules naming groups (default IPv4, IPv6 for icmpv6); a CIDR's own
 *     family decides for rules naming CIDRs
 */
public record RuleRequest(
        String protocol,
        Optional<Integer> fromPort,
        Optional<Integer> toPort,
        Optional<Integer> icmpType,
        Optional<Integer> icmpCode,
        List<String> cidrs,
        List<GroupRef> groups,
        Optional<EtherType> etherType,
        Optional<String> description) {
    public RuleRequest {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(fromPort, "fromPort is null");
        requireNonNull(toPort, "toPort is null");
        requireNonNull(icmpType, "icmpType is null");
        requireNonNull(icmpCode, "icmpCode is null");
        cidrs = List.copyOf(requireNonNull(cidrs, "cidrs is null"));
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(etherType, "etherType is null");
        description = TextFields.description("a rule description", requireNonNull(description, "description is null"));
    }

    public static RuleRequest protocol(String protocol) {
        return new RuleRequest(
                protocol,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    public static RuleRequest tcp(int from, int to) {
        return protocol("tcp").ports(from, to);
    }

    public static RuleRequest icmp(int type, int code) {
        return new RuleRequest(
                "icmp",
                Optional.empty(),
                Optional.empty(),
                Optional.of(type),
                Optional.of(code),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    public RuleRequest ports(int from, int to) {
        return new RuleRequest(
                protocol,
                Optional.of(from),
                Optional.of(to),
                icmpType,
                icmpCode,
                cidrs,
                groups,
                etherType,
                description);
    }

    public RuleRequest fromCidrs(String... remoteCidrs) {
        return new RuleRequest(
                protocol, fromPort, toPort, icmpType, icmpCode, List.of(remoteCidrs), groups, etherType, description);
    }

    public RuleRequest fromGroups(GroupRef... remoteGroups) {
        return new RuleRequest(
                protocol, fromPort, toPort, icmpType, icmpCode, cidrs, List.of(remoteGroups), etherType, description);
    }

    public RuleRequest describedAs(String text) {
        return new RuleRequest(
                protocol, fromPort, toPort, icmpType, icmpCode, cidrs, groups, etherType, Optional.of(text));
    }
}
