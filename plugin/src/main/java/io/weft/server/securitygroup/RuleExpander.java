package io.weft.server.securitygroup;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.Direction;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.InvalidRuleException;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns API permissions into rules, one per CIDR and one per group. The rules-engine model decides
 * what is valid (its {@link InvalidRuleException} becomes INVALID_PARAMETER); this class only maps
 * the wire conventions onto it: -1 means "any" for ports and ICMP, 0-65535 means all ports.
 */
final class RuleExpander {
    private RuleExpander() {}

    static List<RuleSpec> expand(
            RuleDirection direction, RuleRequest request, Function<GroupRef, SecurityGroupEntity> resolveGroup) {
        if (request.cidrs().isEmpty() && request.groups().isEmpty()) {
            throw new WeftException(
                    ErrorCode.MISSING_PARAMETER, "a permission needs at least one CIDR or one security group");
        }
        try {
            Protocol protocol = Protocol.parse(request.protocol());
            Optional<PortRange> ports = ports(protocol, request);
            Optional<IcmpMatch> icmp = icmp(protocol, request);
            List<RuleSpec> specs = new ArrayList<>();
            for (String text : request.cidrs()) {
                Cidr cidr = Cidr.parse(text.strip());
                var rule = new SecurityGroupRule(
                        engine(direction), cidr.family(), protocol, ports, icmp, new RemoteSide.RemoteCidr(cidr));
                specs.add(new RuleSpec(
                        key(direction, rule, cidr.toString(), null), Optional.empty(), request.description()));
            }
            for (GroupRef ref : request.groups()) {
                SecurityGroupEntity remote = resolveGroup.apply(ref);
                IpFamily family = request.etherType()
                        .map(RuleExpander::family)
                        .orElse(protocol.equals(Protocol.ICMPV6) ? IpFamily.IPV6 : IpFamily.IPV4);
                var rule = new SecurityGroupRule(
                        engine(direction),
                        family,
                        protocol,
                        ports,
                        icmp,
                        RemoteSide.group(remote.getUuid().toString()));
                specs.add(new RuleSpec(key(direction, rule, null, remote), Optional.of(remote), request.description()));
            }
            return specs;
        } catch (InvalidRuleException e) {
            throw WeftException.invalid(e.getMessage());
        }
    }

    private static Optional<PortRange> ports(Protocol protocol, RuleRequest request) {
        // -1 says "no ports" for protocols without them; for TCP and UDP it is no port at all, and
        // reading it as "every port" would open far more than the caller wrote.
        if (protocol.hasPorts()
                && (request.fromPort().orElse(0) == -1 || request.toPort().orElse(0) == -1)) {
            throw WeftException.invalid(
                    "port -1 is not valid for " + protocol + "; give a range within 0-65535 (0-65535 for every port)");
        }
        Optional<Integer> from = request.fromPort().filter(port -> port != -1);
        Optional<Integer> to = request.toPort().filter(port -> port != -1);
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        if (protocol.hasPorts() && from.orElse(0) == 0 && to.orElse(65535) == 65535) {
            return Optional.empty();
        }
        int start = from.orElseGet(to::orElseThrow);
        return Optional.of(new PortRange(start, to.orElse(start)));
    }

    private static Optional<IcmpMatch> icmp(Protocol protocol, RuleRequest request) {
        if (request.icmpType().isEmpty() && request.icmpCode().isEmpty()) {
            return Optional.empty();
        }
        if (!protocol.isAnyIcmp()
                && request.icmpType().orElse(-1) == -1
                && request.icmpCode().orElse(-1) == -1) {
            return Optional.empty();
        }
        return Optional.of(
                new IcmpMatch(request.icmpType().orElse(-1), request.icmpCode().orElse(-1)));
    }

    private static RuleKey key(
            RuleDirection direction, SecurityGroupRule rule, String cidr, SecurityGroupEntity remote) {
        return new RuleKey(
                direction,
                rule.etherType() == IpFamily.IPV4 ? EtherType.IPV4 : EtherType.IPV6,
                protocolName(rule.protocol()),
                rule.ports().map(PortRange::from).orElse(null),
                rule.ports().map(PortRange::to).orElse(null),
                rule.icmp().map(IcmpMatch::type).orElse(null),
                rule.icmp().map(IcmpMatch::code).orElse(null),
                cidr,
                remote == null ? null : remote.getUuid());
    }

    /** The stored form: {@code all tcp udp icmp icmpv6} or the protocol number. */
    static String protocolName(Protocol protocol) {
        if (protocol.isAll()) {
            return "all";
        }
        return switch (protocol.number()) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> Integer.toString(protocol.number());
        };
    }

    private static Direction engine(RuleDirection direction) {
        return direction == RuleDirection.INGRESS ? Direction.INGRESS : Direction.EGRESS;
    }

    private static IpFamily family(EtherType etherType) {
        return etherType == EtherType.IPV4 ? IpFamily.IPV4 : IpFamily.IPV6;
    }
}
