package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.SecurityGroupResponses.GroupResponse;
import io.weft.server.api.cloudstack.commands.Tags.TagResponse;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Paged;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code create/list/update/deleteSecurityGroup}. */
final class SecurityGroupCommands {
    private SecurityGroupCommands() {}

    static GroupResponse render(Tags tags, Caller caller, SecurityGroupView group) {
        return GroupResponse.of(
                group,
                tags.of(caller, TaggedType.SECURITY_GROUP, List.of(group.id())).getOrDefault(group.id(), List.of()));
    }

    static final class Create extends SyncCommand {
        private final SecurityGroupService groups;
        private final Owners owners;
        private final Tags tags;

        @Inject
        Create(SecurityGroupService groups, Owners owners, Tags tags) {
            super("createSecurityGroup");
            this.groups = requireNonNull(groups, "groups is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            NewSecurityGroup request = new NewSecurityGroup(
                    owners.owner(caller, params),
                    params.required("name"),
                    params.get("description"),
                    EgressPolicy.CLOUDSTACK,
                    Optional.empty());
            return CloudStackResult.object(
                    "securitygroup",
                    render(tags, caller, groups.create(caller, request).value()));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final SecurityGroupService groups;
        private final VirtualMachineService vms;
        private final Owners owners;
        private final Tags tags;
        private final ApiConfig api;

        @Inject
        ListCommand(SecurityGroupService groups, VirtualMachineService vms, Owners owners, Tags tags, ApiConfig api) {
            super("listSecurityGroups");
            this.groups = requireNonNull(groups, "groups is null");
            this.vms = requireNonNull(vms, "vms is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.tags = requireNonNull(tags, "tags is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<UUID> vm = params.uuid("virtualmachineid");
            vm.ifPresent(id -> VmCommands.requireVisibleVm(vms, caller, id));
            Optional<Set<UUID>> tagged = tags.filter(caller, TaggedType.SECURITY_GROUP, params);
            Set<UUID> ids = params.uuid("id").map(Set::of).orElse(Set.of());
            if (tagged.isPresent()) {
                Set<UUID> both = new HashSet<>(tagged.get());
                if (!ids.isEmpty()) {
                    both.retainAll(ids);
                }
                if (both.isEmpty()) {
                    return CloudStackResult.list("securitygroup", java.util.List.of(), 0);
                }
                ids = both;
            }
            GroupQuery query = new GroupQuery(
                    ids,
                    params.get("securitygroupname").map(Set::of).orElse(Set.of()),
                    params.get("keyword"),
                    owners.owner(caller, params),
                    Optional.empty(),
                    Optional.empty(),
                    vm,
                    // An account's EC2 VPC groups (each VPC has a "default") stay out of a listing, so
                    // that a name finds one group; asked for by id, or as a VM's groups, they show.
                    ids.isEmpty() && vm.isEmpty());
            Paged<SecurityGroupView> page = groups.list(caller, query, Listing.page(params, api));
            Map<UUID, java.util.List<TagResponse>> tagsById = tags.of(
                    caller,
                    TaggedType.SECURITY_GROUP,
                    page.items().stream().map(SecurityGroupView::id).toList());
            return Listing.of(
                    "securitygroup",
                    page,
                    group -> GroupResponse.of(group, tagsById.getOrDefault(group.id(), java.util.List.of())));
        }
    }

    static final class Update extends SyncCommand {
        private final SecurityGroupService groups;
        private final Tags tags;

        @Inject
        Update(SecurityGroupService groups, Tags tags) {
            super("updateSecurityGroup");
            this.groups = requireNonNull(groups, "groups is null");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            SecurityGroupView group = groups.update(
                            caller, params.requiredUuid("id"), params.get("name"), Optional.empty())
                    .value();
            return CloudStackResult.object("securitygroup", render(tags, caller, group));
        }
    }

    static final class Delete extends SyncCommand {
        private final SecurityGroupService groups;
        private final Owners owners;

        @Inject
        Delete(SecurityGroupService groups, Owners owners) {
            super("deleteSecurityGroup");
            this.groups = requireNonNull(groups, "groups is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            groups.delete(caller, groupId(groups, owners, caller, params, "id", "name"));
            return CloudStackResult.success();
        }
    }

    /** The group named by an id parameter or, failing that, a name parameter (of the owner). */
    static UUID groupId(
            SecurityGroupService groups,
            Owners owners,
            Caller caller,
            Params params,
            String idParam,
            String nameParam) {
        Optional<UUID> id = params.uuid(idParam);
        if (id.isPresent()) {
            return id.get();
        }
        Optional<String> name = params.get(nameParam);
        if (name.isEmpty()) {
            throw params.missing(idParam);
        }
        return groups.getByName(caller, owners.owner(caller, params), Optional.empty(), name.get())
                .id();
    }
}
