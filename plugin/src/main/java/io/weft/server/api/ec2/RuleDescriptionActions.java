package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * UpdateSecurityGroupRuleDescriptionsIngress and ...Egress: new descriptions for existing rules, named
 * by ID ({@code SecurityGroupRuleDescriptions.N}) or by the permission that made them (Terraform's
 * {@code aws_security_group_rule} update). Each rule is replaced in place by itself with the new
 * description, so it keeps its {@code sgr-} ID; all or nothing.
 */
final class RuleDescriptionActions implements Ec2Action.Family {
    private final SecurityGroupService groups;
    private final Ec2IdResolver ids;
    private final Ec2Permissions permissions;

    @Inject
    RuleDescriptionActions(SecurityGroupService groups, Ec2IdResolver ids) {
        this.groups = requireNonNull(groups, "groups is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.permissions = new Ec2Permissions(ids);
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action(
                        "UpdateSecurityGroupRuleDescriptionsIngress",
                        (call, out) -> update(call, out, RuleDirection.INGRESS)),
                new Ec2Action(
                        "UpdateSecurityGroupRuleDescriptionsEgress",
                        (call, out) -> update(call, out, RuleDirection.EGRESS)));
    }

    private void update(Ec2Call call, XmlOut out, RuleDirection direction) {
        Caller caller = call.caller();
        SecurityGroupView group = groups.get(caller, SecurityGroupActions.groupOf(call, ids));
        List<RuleView> held = direction == RuleDirection.INGRESS ? group.ingress() : group.egress();
        Map<UUID, RuleRequest> replacements = new LinkedHashMap<>();
        for (Ec2Params described : call.params().structs("SecurityGroupRuleDescriptions")) {
            String ruleId = described.required("SecurityGroupRuleId");
            RuleView rule = held.stream()
                    .filter(each -> Ec2Kind.RULE.id(each.id()).equals(ruleId))
                    .findFirst()
                    .orElseThrow(() -> Ec2Kind.RULE.notFound(ruleId));
            replacements.put(
                    rule.id(),
                    sameRule(rule).describedAs(described.string("Description").orElse("")));
        }
        for (RuleRequest wanted : permissions.read(caller, call.params())) {
            RuleView rule = held.stream()
                    .filter(each -> sameRule(each).equals(undescribed(wanted)))
                    .findFirst()
                    .orElseThrow(() -> new Ec2Failure(
                            "InvalidPermission.NotFound", "The specified rule does not exist in this security group."));
            replacements.put(
                    rule.id(), sameRule(rule).describedAs(wanted.description().orElse("")));
        }
        if (replacements.isEmpty()) {
            throw Ec2Failure.missing("IpPermissions or SecurityGroupRuleDescriptions");
        }
        groups.replaceRules(caller, group.id(), replacements);
        out.leaf("return", true);
    }

    private static RuleRequest undescribed(RuleRequest request) {
        return new RuleRequest(
                request.protocol(),
                request.fromPort(),
                request.toPort(),
                request.icmpType(),
                request.icmpCode(),
                request.cidrs(),
                request.groups(),
                request.etherType(),
                Optional.empty());
    }

    /** The request that makes {@code rule} again, spelled as {@link Ec2Permissions} reads EC2's, without description. */
    private static RuleRequest sameRule(RuleView rule) {
        String protocol = RuleXml.protocol(rule);
        Optional<int[]> ports = RuleXml.ports(rule);
        RuleRequest base = Ec2Permissions.base(protocol, ports.map(p -> p[0]), ports.map(p -> p[1]));
        return rule.remoteGroup()
                .map(remote -> base.fromGroups(GroupRef.id(remote.id())))
                .orElseGet(() -> base.fromCidrs(rule.remoteCidr().orElseThrow()));
    }
}
