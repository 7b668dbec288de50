package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Page;
import io.weft.server.tags.TagView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CreateSecurityGroup, DescribeSecurityGroups, DeleteSecurityGroup. EC2 groups are Weft groups in a
 * VPC scope with EC2 egress semantics; groups outside any scope (CloudStack's) are not shown here.
 */
final class SecurityGroupActions implements Ec2Action.Family {
    private final SecurityGroupService groups;
    private final Ec2IdResolver ids;
    private final Ec2Tags tags;

    @Inject
    SecurityGroupActions(SecurityGroupService groups, Ec2IdResolver ids, Ec2Tags tags) {
        this.groups = requireNonNull(groups, "groups is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.tags = requireNonNull(tags, "tags is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("CreateSecurityGroup", this::create),
                new Ec2Action("DescribeSecurityGroups", this::describe),
                new Ec2Action("DeleteSecurityGroup", this::delete));
    }

    /**
     * The characters AWS allows in a VPC security group's name and description: ASCII letters,
     * digits, spaces and {@code ._-:/()#,@[]+=&;{}!$*}.
     */
    private static final Pattern VPC_GROUP_TEXT = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*");

    private static void requireVpcGroupText(String parameter, String value) {
        if (!VPC_GROUP_TEXT.matcher(value).matches()) {
            throw Ec2Failure.invalidValue("Invalid value for " + parameter + ". Valid characters are a-z, A-Z, 0-9,"
                    + " spaces, and ._-:/()#,@[]+=&;{}!$*");
        }
    }

    private void create(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        String name = params.required("GroupName");
        if (name.startsWith("sg-")) {
            // EC2 refuses it: a name that looks like an id would make GroupName and GroupId ambiguous.
            throw Ec2Failure.invalidValue("Group names may not be in the format sg-*");
        }
        if (name.equals("default")) {
            throw new Ec2Failure("InvalidGroup.Reserved", "The security group 'default' is reserved");
        }
        String description = params.required("GroupDescription");
        requireVpcGroupText("GroupName", name);
        requireVpcGroupText("GroupDescription", description);
        // EC2 would use the default VPC; Weft has none, so the VPC must be named.
        UUID vpc = ids.vpc(caller, params.required("VpcId"));
        SecurityGroupView group = groups.create(caller, NewSecurityGroup.ec2(name, description, vpc))
                .value();
        String groupId = ids.remember(Ec2Kind.GROUP, group.id());
        List<TagView> applied = tags.applySpecifications(call, Ec2Kind.GROUP, group.id());
        out.leaf("return", true).leaf("groupId", groupId);
        Ec2Tags.write(out, applied);
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Set<UUID> wanted = new LinkedHashSet<>();
        call.params().list("GroupId").forEach(id -> wanted.add(ids.group(caller, id)));
        Set<String> names = Set.copyOf(call.params().list("GroupName"));
        Ec2Filters filters = call.filters();
        List<SecurityGroupView> all =
                groups.list(caller, GroupQuery.all().withIds(wanted).withNames(names), Page.ALL).items().stream()
                        .filter(group -> group.scopeId().isPresent())
                        .toList();
        for (String name : names) {
            if (all.stream().noneMatch(group -> group.name().equals(name))) {
                throw Ec2Kind.GROUP.notFound(name);
            }
        }
        Map<UUID, List<TagView>> tagsOf = tags.of(
                caller, Ec2Kind.GROUP, all.stream().map(SecurityGroupView::id).toList());
        List<SecurityGroupView> matching = all.stream()
                .filter(group -> filters.matches(attributes(group, tagsOf.get(group.id()))))
                .toList();
        Ec2Paging.Slice<SecurityGroupView> page = call.page(matching);
        out.set("securityGroupInfo", page.items(), (xml, group) -> write(xml, group, tagsOf.get(group.id())));
        out.leaf("nextToken", page.nextToken());
    }

    private void delete(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        SecurityGroupView group = groups.get(caller, groupOf(call, ids));
        if (group.isDefault()) {
            throw new Ec2Failure("CannotDelete", "the default security group of a VPC cannot be deleted");
        }
        groups.delete(caller, group.id());
        out.leaf("return", true).leaf("groupId", Ec2Kind.GROUP.id(group.id()));
    }

    /** The group a call names by {@code GroupId}, or by {@code GroupName} among the caller's VPC groups. */
    static UUID groupOf(Ec2Call call, Ec2IdResolver ids) {
        Optional<String> id = call.params().string("GroupId");
        if (id.isPresent()) {
            return ids.group(call.caller(), id.get());
        }
        String name = call.params().string("GroupName").orElseThrow(() -> Ec2Failure.missing("GroupId"));
        return ids.groupNamed(call.caller(), name);
    }

    private static Map<String, List<String>> attributes(SecurityGroupView group, List<TagView> tags) {
        Ec2Attributes attributes = new Ec2Attributes()
                .put("group-id", Ec2Kind.GROUP.id(group.id()))
                .put("group-name", group.name())
                .put("vpc-id", group.scopeId().map(Ec2Kind.VPC::id))
                .put("description", group.description().orElse(""))
                .put("owner-id", Ec2AccountIds.of(group.accountId()))
                .tags(tags);
        permissionAttributes(attributes, "ip-permission.", group.ingress());
        permissionAttributes(attributes, "egress.ip-permission.", group.egress());
        return attributes.asMap();
    }

    private static void permissionAttributes(Ec2Attributes attributes, String prefix, List<RuleView> rules) {
        for (RuleView rule : rules) {
            attributes.put(prefix + "protocol", RuleXml.protocol(rule));
            RuleXml.ports(rule).ifPresent(ports -> attributes
                    .put(prefix + "from-port", Integer.toString(ports[0]))
                    .put(prefix + "to-port", Integer.toString(ports[1])));
            attributes.put(prefix + "cidr", rule.remoteCidr());
            rule.remoteCidr()
                    .filter(cidr -> cidr.contains(":"))
                    .ifPresent(cidr -> attributes.put(prefix + "ipv6-cidr", cidr));
            rule.remoteGroup().ifPresent(group -> attributes
                    .put(prefix + "group-id", Ec2Kind.GROUP.id(group.id()))
                    .put(prefix + "group-name", group.name())
                    .put(prefix + "user-id", Ec2AccountIds.of(group.accountId())));
        }
    }

    static void write(XmlOut out, SecurityGroupView group, List<TagView> tags) {
        String owner = Ec2AccountIds.of(group.accountId());
        out.leaf("ownerId", owner)
                .leaf("groupId", Ec2Kind.GROUP.id(group.id()))
                .leaf("groupName", group.name())
                .leaf("groupDescription", group.description().orElse(""))
                .leaf("vpcId", group.scopeId().map(Ec2Kind.VPC::id));
        RuleXml.permissions(out, "ipPermissions", group.ingress());
        RuleXml.permissions(out, "ipPermissionsEgress", group.egress());
        Ec2Tags.write(out, tags);
    }
}
