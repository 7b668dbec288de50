package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.Page;
import io.weft.server.network.model.RuleDirection;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Authorize/Revoke ingress and egress, DescribeSecurityGroupRules and ModifySecurityGroupRules. Rule
 * IDs are {@code sgr-} IDs of the Weft rule UUIDs; a rule naming a group is one rule.
 */
final class SecurityGroupRuleActions implements Ec2Action.Family {
    private final SecurityGroupService groups;
    private final Ec2IdResolver ids;
    private final Ec2Permissions permissions;

    @Inject
    SecurityGroupRuleActions(SecurityGroupService groups, Ec2IdResolver ids) {
        this.groups = requireNonNull(groups, "groups is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.permissions = new Ec2Permissions(ids);
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action(
                        "AuthorizeSecurityGroupIngress", (call, out) -> authorize(call, out, RuleDirection.INGRESS)),
                new Ec2Action(
                        "AuthorizeSecurityGroupEgress", (call, out) -> authorize(call, out, RuleDirection.EGRESS)),
                new Ec2Action("RevokeSecurityGroupIngress", (call, out) -> revoke(call, out, RuleDirection.INGRESS)),
                new Ec2Action("RevokeSecurityGroupEgress", (call, out) -> revoke(call, out, RuleDirection.EGRESS)),
                new Ec2Action("DescribeSecurityGroupRules", this::describe),
                new Ec2Action("ModifySecurityGroupRules", this::modify));
    }

    private void authorize(Ec2Call call, XmlOut out, RuleDirection direction) {
        Caller caller = call.caller();
        SecurityGroupView group = groups.get(caller, SecurityGroupActions.groupOf(call, ids));
        List<RuleRequest> requests = permissions.read(caller, call.params());
        if (requests.isEmpty()) {
            throw Ec2Failure.missing("IpPermissions");
        }
        List<RuleView> created =
                groups.authorize(caller, group.id(), direction, requests).value();
        out.leaf("return", true);
        out.set("securityGroupRuleSet", created, (xml, rule) -> RuleXml.rule(xml, group, rule));
    }

    private void revoke(Ec2Call call, XmlOut out, RuleDirection direction) {
        Caller caller = call.caller();
        SecurityGroupView group = groups.get(caller, SecurityGroupActions.groupOf(call, ids));
        List<String> ruleIds = call.params().list("SecurityGroupRuleId");
        if (!ruleIds.isEmpty()) {
            Set<UUID> revoked = new LinkedHashSet<>();
            List<RuleView> held = direction == RuleDirection.INGRESS ? group.ingress() : group.egress();
            for (String ruleId : ruleIds) {
                Ec2IdResolver.RuleRef ref = ids.rule(caller, ruleId);
                if (!ref.groupId().equals(group.id())
                        || held.stream().noneMatch(rule -> rule.id().equals(ref.ruleId()))) {
                    throw Ec2Kind.RULE.notFound(ruleId);
                }
                revoked.add(ref.ruleId());
            }
            groups.revoke(caller, revoked);
        } else {
            List<RuleRequest> requests = permissions.read(caller, call.params());
            if (requests.isEmpty()) {
                throw Ec2Failure.missing("IpPermissions");
            }
            groups.revokeMatching(caller, group.id(), direction, requests);
        }
        out.leaf("return", true);
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Set<UUID> wanted = new LinkedHashSet<>();
        call.params()
                .list("SecurityGroupRuleId")
                .forEach(id -> wanted.add(ids.rule(caller, id).ruleId()));
        Ec2Filters filters = call.filters();
        List<GroupRule> all = new ArrayList<>();
        for (SecurityGroupView group :
                groups.list(caller, GroupQuery.all(), Page.ALL).items()) {
            if (group.scopeId().isEmpty()) {
                continue;
            }
            Stream.concat(group.ingress().stream(), group.egress().stream())
                    .filter(rule -> wanted.isEmpty() || wanted.contains(rule.id()))
                    .map(rule -> new GroupRule(group, rule))
                    .filter(each -> filters.matches(Map.of(
                            "group-id", List.of(Ec2Kind.GROUP.id(group.id())),
                            "security-group-rule-id",
                                    List.of(Ec2Kind.RULE.id(each.rule().id())))))
                    .forEach(all::add);
        }
        Ec2Paging.Slice<GroupRule> page = call.page(all);
        out.set("securityGroupRuleSet", page.items(), (xml, each) -> RuleXml.rule(xml, each.group(), each.rule()));
        out.leaf("nextToken", page.nextToken());
    }

    private record GroupRule(SecurityGroupView group, RuleView rule) {}

    /**
     * Replaces rules in place. The service has no atomic "replace rule", so this revokes the old rules
     * and authorizes the new ones; should the authorize fail, the old rules are put back. The new rules
     * get new IDs, where EC2 would keep the old ones.
     */
    private void modify(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        SecurityGroupView group =
                groups.get(caller, ids.group(caller, call.params().required("GroupId")));
        List<RuleView> old = new ArrayList<>();
        List<RuleRequest> replacements = new ArrayList<>();
        for (Ec2Params change : call.params().structs("SecurityGroupRule")) {
            String ruleId = change.required("SecurityGroupRuleId");
            Ec2IdResolver.RuleRef ref = ids.rule(caller, ruleId);
            RuleView rule = Stream.concat(group.ingress().stream(), group.egress().stream())
                    .filter(held -> held.id().equals(ref.ruleId()))
                    .findFirst()
                    .orElseThrow(() -> Ec2Kind.RULE.notFound(ruleId));
            old.add(rule);
            replacements.add(replacement(caller, change));
        }
        if (old.isEmpty()) {
            throw Ec2Failure.missing("SecurityGroupRule.1.SecurityGroupRuleId");
        }
        groups.revoke(caller, old.stream().map(RuleView::id).toList());
        try {
            for (int i = 0; i < old.size(); i++) {
                groups.authorize(caller, group.id(), old.get(i).direction(), List.of(replacements.get(i)));
            }
        } catch (RuntimeException e) {
            restore(caller, group.id(), old);
            throw e;
        }
        out.leaf("return", true);
    }

    private RuleRequest replacement(Caller caller, Ec2Params change) {
        String protocol = change.required("SecurityGroupRule.IpProtocol");
        RuleRequest base = Ec2Permissions.base(
                protocol, change.integer("SecurityGroupRule.FromPort"), change.integer("SecurityGroupRule.ToPort"));
        Optional<String> cidr =
                change.string("SecurityGroupRule.CidrIpv4").or(() -> change.string("SecurityGroupRule.CidrIpv6"));
        RuleRequest request;
        if (cidr.isPresent()) {
            request = base.fromCidrs(cidr.get());
        } else if (change.string("SecurityGroupRule.ReferencedGroupId").isPresent()) {
            request = base.fromGroups(
                    GroupRef.id(ids.group(caller, change.required("SecurityGroupRule.ReferencedGroupId"))));
        } else {
            throw Ec2Failure.missing("SecurityGroupRule.CidrIpv4, CidrIpv6 or ReferencedGroupId");
        }
        return change.string("SecurityGroupRule.Description")
                .map(request::describedAs)
                .orElse(request);
    }

    /** Puts revoked rules back after a failed modify; their content, under new IDs. */
    private void restore(Caller caller, UUID groupId, List<RuleView> rules) {
        for (RuleView rule : rules) {
            RuleRequest request = Ec2Permissions.base(
                    RuleXml.protocol(rule),
                    RuleXml.ports(rule).map(p -> p[0]),
                    RuleXml.ports(rule).map(p -> p[1]));
            request = rule.remoteCidr().isPresent()
                    ? request.fromCidrs(rule.remoteCidr().get())
                    : request.fromGroups(
                            GroupRef.id(rule.remoteGroup().orElseThrow().id()));
            request = rule.description().map(request::describedAs).orElse(request);
            groups.authorize(caller, groupId, rule.direction(), List.of(request));
        }
    }
}
