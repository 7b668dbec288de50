package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Page;
import io.weft.server.tags.TagView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final Ec2Tags tags;

    @Inject
    SecurityGroupRuleActions(SecurityGroupService groups, Ec2IdResolver ids, Ec2Tags tags) {
        this.groups = requireNonNull(groups, "groups is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.tags = requireNonNull(tags, "tags is null");
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
        // TagSpecification (security-group-rule) tags every rule the call makes, as EC2 does.
        Map<UUID, List<TagView>> tagsOf = new LinkedHashMap<>();
        created.forEach(rule -> tagsOf.put(rule.id(), tags.applySpecifications(call, Ec2Kind.RULE, rule.id())));
        out.leaf("return", true);
        out.set("securityGroupRuleSet", created, (xml, rule) -> RuleXml.rule(xml, group, rule, tagsOf.get(rule.id())));
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
            groups.revoke(caller, revoked, direction);
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
                    .forEach(all::add);
        }
        Map<UUID, List<TagView>> tagsOf = tags.of(
                caller, Ec2Kind.RULE, all.stream().map(each -> each.rule().id()).toList());
        List<GroupRule> matching = all.stream()
                .filter(each -> filters.matches(new Ec2Attributes()
                        .put("group-id", Ec2Kind.GROUP.id(each.group().id()))
                        .put(
                                "security-group-rule-id",
                                Ec2Kind.RULE.id(each.rule().id()))
                        .tags(tagsOf.get(each.rule().id()))
                        .asMap()))
                .toList();
        Ec2Paging.Slice<GroupRule> page = call.page(matching);
        out.set(
                "securityGroupRuleSet",
                page.items(),
                (xml, each) -> RuleXml.rule(
                        xml, each.group(), each.rule(), tagsOf.get(each.rule().id())));
        out.leaf("nextToken", page.nextToken());
    }

    private record GroupRule(SecurityGroupView group, RuleView rule) {}

    /**
     * Replaces rules in place, in one service call: each keeps its {@code sgr-} ID, and a failure
     * changes nothing. A rule of another group is not found, as EC2 answers.
     */
    private void modify(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        UUID groupId = ids.group(caller, call.params().required("GroupId"));
        Map<UUID, RuleRequest> replacements = new LinkedHashMap<>();
        for (Ec2Params change : call.params().structs("SecurityGroupRule")) {
            String ruleId = change.required("SecurityGroupRuleId");
            Ec2IdResolver.RuleRef ref = ids.rule(caller, ruleId);
            if (!ref.groupId().equals(groupId)) {
                throw Ec2Kind.RULE.notFound(ruleId);
            }
            if (replacements.put(ref.ruleId(), replacement(caller, change)) != null) {
                throw Ec2Failure.invalidValue("The rule " + ruleId + " is given more than once");
            }
        }
        if (replacements.isEmpty()) {
            throw Ec2Failure.missing("SecurityGroupRule.1.SecurityGroupRuleId");
        }
        groups.replaceRules(caller, groupId, replacements);
        out.leaf("return", true);
    }

    /** The new content of one rule: a protocol, ports or ICMP type and code, and exactly one remote side. */
    private RuleRequest replacement(Caller caller, Ec2Params change) {
        Ec2Params rule = change.struct("SecurityGroupRule");
        RuleRequest base =
                Ec2Permissions.base(rule.required("IpProtocol"), rule.integer("FromPort"), rule.integer("ToPort"));
        List<String> remotes = Stream.of("CidrIpv4", "CidrIpv6", "PrefixListId", "ReferencedGroupId")
                .filter(name -> rule.string(name).isPresent())
                .toList();
        if (remotes.isEmpty()) {
            throw Ec2Failure.missing("SecurityGroupRule.CidrIpv4, CidrIpv6 or ReferencedGroupId");
        }
        if (remotes.size() > 1) {
            throw new Ec2Failure("InvalidParameterCombination", "A rule has one remote side, not " + remotes);
        }
        RuleRequest request =
                switch (remotes.get(0)) {
                    case "PrefixListId" -> throw Ec2Failure.invalidValue("prefix lists are not supported");
                    case "ReferencedGroupId" -> base.fromGroups(
                            GroupRef.id(ids.group(caller, rule.required("ReferencedGroupId"))));
                    default -> base.fromCidrs(rule.required(remotes.get(0)));
                };
        return rule.string("Description").map(request::describedAs).orElse(request);
    }
}
