package io.weft.server.api.ec2;

import io.weft.server.securitygroup.EtherType;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.tags.TagView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes rules the EC2 way: as {@code ipPermissions} (rules of equal protocol and ports folded into
 * one permission with several ranges and groups) and as {@code securityGroupRule} items.
 */
final class RuleXml {
    private RuleXml() {}

    /** EC2's protocol: {@code -1} for all, names for the four it names, else the number. */
    static String protocol(RuleView rule) {
        return rule.protocol().equals("all") ? "-1" : rule.protocol();
    }

    /** EC2's FromPort/ToPort: ports, or ICMP type/code, or -1 for "all"; empty when they do not apply. */
    static Optional<int[]> ports(RuleView rule) {
        String protocol = rule.protocol();
        if (protocol.equals("all")) {
            return Optional.empty();
        }
        if (Ec2Permissions.isIcmp(protocol)) {
            return Optional.of(
                    new int[] {rule.icmpType().orElse(-1), rule.icmpCode().orElse(-1)});
        }
        if (protocol.equals("tcp") || protocol.equals("udp")) {
            return Optional.of(
                    new int[] {rule.startPort().orElse(0), rule.endPort().orElse(65535)});
        }
        return Optional.empty();
    }

    static void permissions(XmlOut out, String name, List<RuleView> rules) {
        Map<String, List<RuleView>> folded = new LinkedHashMap<>();
        for (RuleView rule : rules) {
            String key = protocol(rule)
                    + ports(rule).map(p -> ":" + p[0] + ":" + p[1]).orElse("");
            folded.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
        }
        out.set(name, List.copyOf(folded.values()), (xml, same) -> {
            RuleView first = same.get(0);
            xml.leaf("ipProtocol", protocol(first));
            ports(first).ifPresent(p -> xml.leaf("fromPort", p[0]).leaf("toPort", p[1]));
            xml.set(
                    "groups",
                    same.stream().filter(rule -> rule.remoteGroup().isPresent()).toList(),
                    (item, rule) -> {
                        RuleView.RemoteGroupView group = rule.remoteGroup().orElseThrow();
                        item.leaf("userId", Ec2AccountIds.of(group.accountId()))
                                .leaf("groupId", Ec2Kind.GROUP.id(group.id()))
                                .leaf("groupName", group.name());
                        group.scopeId().ifPresent(vpc -> item.leaf("vpcId", Ec2Kind.VPC.id(vpc)));
                        item.leaf("description", rule.description());
                    });
            xml.set("ipRanges", cidrs(same, EtherType.IPV4), (item, rule) -> item.leaf(
                            "cidrIp", rule.remoteCidr().orElseThrow())
                    .leaf("description", rule.description()));
            xml.set("ipv6Ranges", cidrs(same, EtherType.IPV6), (item, rule) -> item.leaf(
                            "cidrIpv6", rule.remoteCidr().orElseThrow())
                    .leaf("description", rule.description()));
            xml.set("prefixListIds", List.<String>of(), (item, id) -> item.leaf("prefixListId", id));
        });
    }

    private static List<RuleView> cidrs(List<RuleView> rules, EtherType family) {
        return rules.stream()
                .filter(rule -> rule.remoteCidr().isPresent() && rule.etherType() == family)
                .toList();
    }

    /** One {@code securityGroupRuleSet} item, without tags. */
    static void rule(XmlOut out, SecurityGroupView group, RuleView rule) {
        rule(out, group, rule, List.of());
    }

    /** One {@code securityGroupRuleSet} item with the rule's tags. */
    static void rule(XmlOut out, SecurityGroupView group, RuleView rule, List<TagView> tags) {
        int[] ports = ports(rule).orElse(new int[] {-1, -1});
        out.leaf("securityGroupRuleId", Ec2Kind.RULE.id(rule.id()))
                .leaf("groupId", Ec2Kind.GROUP.id(group.id()))
                .leaf("groupOwnerId", Ec2AccountIds.of(group.accountId()))
                .leaf("isEgress", rule.direction() == RuleDirection.EGRESS)
                .leaf("ipProtocol", protocol(rule))
                .leaf("fromPort", ports[0])
                .leaf("toPort", ports[1]);
        if (rule.remoteCidr().isPresent()) {
            out.leaf(
                    rule.etherType() == EtherType.IPV4 ? "cidrIpv4" : "cidrIpv6",
                    rule.remoteCidr().get());
        }
        rule.remoteGroup().ifPresent(remote -> {
            out.start("referencedGroupInfo")
                    .leaf("groupId", Ec2Kind.GROUP.id(remote.id()))
                    .leaf("userId", Ec2AccountIds.of(remote.accountId()));
            remote.scopeId().ifPresent(vpc -> out.leaf("vpcId", Ec2Kind.VPC.id(vpc)));
            out.end();
        });
        out.leaf("description", rule.description());
        Ec2Tags.write(out, tags);
    }
}
