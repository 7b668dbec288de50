package io.weft.rules.compile;

import io.weft.rules.model.Direction;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;

/**
 * A security group rule as the text after {@code -A <chain>}, written in the exact form
 * iptables-save prints it back: addresses, then {@code -p}, then matches in the order given, with
 * the protocol's own match module named explicitly ({@code -p tcp -m tcp --dport 22}).
 */
final class RuleSpecs {
    private RuleSpecs() {}

    static String accept(SecurityGroupRule rule) {
        StringBuilder spec = new StringBuilder(96);
        boolean ingress = rule.direction() == Direction.INGRESS;
        if (rule.remote() instanceof RemoteSide.RemoteCidr remoteCidr
                && !remoteCidr.cidr().isAny()) {
            spec.append(ingress ? "-s " : "-d ").append(remoteCidr.cidr()).append(' ');
        }
        IptablesProtocolNames.of(rule.protocol())
                .ifPresent(word -> spec.append("-p ").append(word).append(' '));
        if (rule.remote() instanceof RemoteSide.RemoteGroup remoteGroup) {
            spec.append("-m set --match-set ")
                    .append(WeftNames.groupSet(remoteGroup.groupId(), rule.etherType()))
                    .append(ingress ? " src " : " dst ");
        }
        rule.ports()
                .ifPresent(ports -> appendPorts(
                        spec, IptablesProtocolNames.of(rule.protocol()).orElseThrow(), ports));
        rule.icmp().ifPresent(icmp -> appendIcmp(spec, rule.etherType(), icmp));
        return spec.append("-j ACCEPT").toString();
    }

    private static void appendPorts(StringBuilder spec, String protocolWord, PortRange ports) {
        spec.append("-m ").append(protocolWord).append(" --dport ").append(ports.from());
        if (ports.to() != ports.from()) {
            spec.append(':').append(ports.to());
        }
        spec.append(' ');
    }

    private static void appendIcmp(StringBuilder spec, IpFamily family, IcmpMatch icmp) {
        spec.append(family == IpFamily.IPV4 ? "-m icmp --icmp-type " : "-m icmp6 --icmpv6-type ")
                .append(icmp.type());
        if (icmp.code() != IcmpMatch.ANY) {
            spec.append('/').append(icmp.code());
        }
        spec.append(' ');
    }
}
