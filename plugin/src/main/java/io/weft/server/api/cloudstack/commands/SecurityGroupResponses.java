package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.commands.Tags.TagResponse;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupView;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Security groups and rules as CloudStack names their fields (API-COMPAT §2.3). */
final class SecurityGroupResponses {
    private SecurityGroupResponses() {}

    record GroupResponse(
            String id,
            String name,
            String description,
            String account,
            String domainid,
            String domain,
            List<RuleResponse> ingressrule,
            List<RuleResponse> egressrule,
            List<TagResponse> tags,
            int virtualmachinecount,
            List<String> virtualmachineids) {
        static GroupResponse of(SecurityGroupView group, List<TagResponse> tags) {
            return new GroupResponse(
                    group.id().toString(),
                    group.name(),
                    group.description().orElse(null),
                    group.accountName(),
                    group.domainId().toString(),
                    group.domainName(),
                    group.ingress().stream().map(RuleResponse::of).toList(),
                    group.egress().stream().map(RuleResponse::of).toList(),
                    tags,
                    group.vmIds().size(),
                    group.vmIds().stream().map(UUID::toString).toList());
        }

        /** The authorize* job result: the group with only the rules created now. */
        static GroupResponse withRules(SecurityGroupView group, List<RuleView> ingress, List<RuleView> egress) {
            return new GroupResponse(
                    group.id().toString(),
                    group.name(),
                    group.description().orElse(null),
                    group.accountName(),
                    group.domainId().toString(),
                    group.domainName(),
                    ingress.stream().map(RuleResponse::of).toList(),
                    egress.stream().map(RuleResponse::of).toList(),
                    List.of(),
                    group.vmIds().size(),
                    group.vmIds().stream().map(UUID::toString).toList());
        }
    }

    record RuleResponse(
            String ruleid,
            String protocol,
            Integer startport,
            Integer endport,
            Integer icmptype,
            Integer icmpcode,
            String cidr,
            String securitygroupname,
            String account,
            List<TagResponse> tags) {
        static RuleResponse of(RuleView rule) {
            boolean icmp = rule.protocol().toLowerCase(Locale.ROOT).startsWith("icmp");
            return new RuleResponse(
                    rule.id().toString(),
                    rule.protocol().toLowerCase(Locale.ROOT),
                    icmp ? null : rule.startPort().orElse(null),
                    icmp ? null : rule.endPort().orElse(null),
                    icmp ? rule.icmpType().orElse(-1) : null,
                    icmp ? rule.icmpCode().orElse(-1) : null,
                    rule.remoteCidr().orElse(null),
                    rule.remoteGroup().map(RuleView.RemoteGroupView::name).orElse(null),
                    rule.remoteGroup()
                            .map(RuleView.RemoteGroupView::accountName)
                            .orElse(null),
                    List.of());
        }
    }
}
