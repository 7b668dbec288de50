package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.AsyncCreateCommand;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.TrackedCommand;
import io.weft.server.api.cloudstack.commands.VmResponses.VmResponse;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineQuery;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.compute.VmState;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.jobs.JobInstance;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.service.Mutation;
import io.weft.server.service.Paged;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@code deploy/list/update/migrate/destroyVirtualMachine} and {@code changeServiceForVirtualMachine}. */
final class VmCommands {
    private VmCommands() {}

    /**
     * Fails with 431 unless the caller may see VM {@code id}. Lists scoped to one VM by {@code
     * virtualmachineid} ({@code listNics}, {@code listSecurityGroups}, {@code listHosts}) answer this, as
     * CloudStack does, rather than an empty list that would hide a wrong id.
     */
    static void requireVisibleVm(VirtualMachineService vms, Caller caller, UUID id) {
        if (!vms.isVisible(caller, id)) {
            throw new WeftException(ErrorCode.NOT_FOUND, "Unable to find virtual machine with id " + id);
        }
    }

    /** The groups named by {@code securitygroupids} or {@code securitygroupnames}; empty if neither. */
    static Optional<List<GroupRef>> groups(Params params) {
        List<GroupRef> refs = new ArrayList<>();
        for (String id : params.list("securitygroupids")) {
            try {
                refs.add(GroupRef.id(UUID.fromString(id)));
            } catch (IllegalArgumentException e) {
                throw params.invalid("securitygroupids", id);
            }
        }
        params.list("securitygroupnames").forEach(name -> refs.add(GroupRef.name(name)));
        return refs.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(refs));
    }

    /**
     * The NICs in device order: {@code networkids} first (the first is the default), then networks
     * only {@code iptonetworklist} names; {@code iptonetworklist} and {@code ipaddress} fix addresses.
     */
    static List<NicSpec> nics(Params params, Optional<List<GroupRef>> groups) {
        Map<UUID, Optional<String>> byNetwork = new LinkedHashMap<>();
        for (String id : params.list("networkids")) {
            try {
                byNetwork.put(UUID.fromString(id), Optional.empty());
            } catch (IllegalArgumentException e) {
                throw params.invalid("networkids", id);
            }
        }
        for (Map<String, String> entry : params.indexed("iptonetworklist")) {
            String network = entry.get("networkid");
            if (network == null || network.isEmpty()) {
                throw params.missing("iptonetworklist.networkid");
            }
            UUID id;
            try {
                id = UUID.fromString(network);
            } catch (IllegalArgumentException e) {
                throw params.invalid("iptonetworklist.networkid", network);
            }
            byNetwork.put(id, Optional.ofNullable(entry.get("ip")).filter(ip -> !ip.isEmpty()));
        }
        if (byNetwork.isEmpty()) {
            throw params.missing("networkids");
        }
        List<NicSpec> nics = new ArrayList<>();
        Optional<String> defaultIp = params.get("ipaddress");
        for (Map.Entry<UUID, Optional<String>> entry : byNetwork.entrySet()) {
            NicSpec nic = NicSpec.on(entry.getKey());
            Optional<String> ip = entry.getValue().or(() -> nics.isEmpty() ? defaultIp : Optional.empty());
            if (ip.isPresent()) {
                nic = nic.withIp(ip.get());
            }
            if (nics.isEmpty()) {
                nic = params.get("macaddress").map(nic::withMac).orElse(nic);
            }
            if (groups.isPresent()) {
                nic = nic.withGroups(groups.get().toArray(GroupRef[]::new));
            }
            nics.add(nic);
        }
        return List.copyOf(nics);
    }

    /**
     * Registers the VM on the request thread, so that bad networks, groups or hosts fail the call
     * itself; the job then reports it and the change's progress.
     */
    static final class Deploy implements AsyncCreateCommand, TrackedCommand {
        private final VirtualMachineService vms;
        private final Owners owners;
        // From create() to the job: the change the registration committed.
        private final Map<String, Long> changeIds = new ConcurrentHashMap<>();

        @Inject
        Deploy(VirtualMachineService vms, Owners owners) {
            this.vms = requireNonNull(vms, "vms is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public String name() {
            return "deployVirtualMachine";
        }

        @Override
        public boolean async() {
            return true;
        }

        @Override
        public String create(Caller caller, Params params) {
            UUID offering = params.requiredUuid("serviceofferingid");
            UUID template = params.requiredUuid("templateid");
            String name = params.get("name").orElseGet(() -> "VM-" + UUID.randomUUID());
            NewVirtualMachine request = new NewVirtualMachine(
                    owners.owner(caller, params),
                    params.requiredUuid("zoneid"),
                    params.uuid("hostid"),
                    name,
                    params.get("displayname"),
                    nics(params, groups(params)));
            Mutation<VirtualMachineView> registered = vms.register(caller, request.fromCatalogue(offering, template));
            String id = registered.value().id().toString();
            Optional<String> group = params.get("group");
            if (group.isPresent()) {
                vms.update(
                        caller, registered.value().id(), Optional.empty(), Optional.empty(), group, Optional.empty());
            }
            registered.lastChangeId().ifPresent(change -> changeIds.put(id, change));
            return id;
        }

        @Override
        public Optional<JobInstance> instance(Params params) {
            return params.entityId().map(id -> new JobInstance("VirtualMachine", UUID.fromString(id)));
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            String id = params.entityId().orElseThrow();
            VirtualMachineView vm = vms.get(caller, UUID.fromString(id));
            return new JobOutcome(
                    CloudStackResult.object("virtualmachine", VmResponse.of(vm)),
                    Optional.ofNullable(changeIds.remove(id)));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final VirtualMachineService vms;
        private final Owners owners;
        private final Tags tags;
        private final ApiConfig api;

        @Inject
        ListCommand(VirtualMachineService vms, Owners owners, Tags tags, ApiConfig api) {
            super("listVirtualMachines");
            this.vms = requireNonNull(vms, "vms is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.tags = requireNonNull(tags, "tags is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Set<UUID> ids = params.list("ids").stream()
                    .map(id -> {
                        try {
                            return UUID.fromString(id);
                        } catch (IllegalArgumentException e) {
                            throw params.invalid("ids", id);
                        }
                    })
                    .collect(Collectors.toSet());
            Optional<Set<UUID>> tagged = tags.filter(caller, TaggedType.VM, params);
            if (tagged.isPresent()) {
                Set<UUID> both = new java.util.HashSet<>(tagged.get());
                if (!ids.isEmpty()) {
                    both.retainAll(ids);
                }
                if (both.isEmpty()) {
                    return CloudStackResult.list("virtualmachine", java.util.List.of(), 0);
                }
                ids = both;
            }
            Optional<UUID> wanted = params.uuid("id");
            if (wanted.isPresent()) {
                if (!ids.isEmpty() && !ids.contains(wanted.get())) {
                    return CloudStackResult.list("virtualmachine", java.util.List.of(), 0);
                }
                ids = Set.of(wanted.get());
            }
            // Filtered, counted and paged in the database: an account's VMs are many, a page is few.
            VirtualMachineQuery query = new VirtualMachineQuery(
                    ids,
                    owners.owner(caller, params),
                    params.uuid("zoneid"),
                    params.uuid("hostid"),
                    params.uuid("networkid"),
                    params.uuid("securitygroupid"),
                    params.get("state"),
                    params.get("name"),
                    params.get("keyword"));
            Paged<VirtualMachineView> page = vms.list(caller, query, Listing.page(params, api));
            Map<UUID, java.util.List<Tags.TagResponse>> tagsById = tags.of(
                    caller,
                    TaggedType.VM,
                    page.items().stream().map(VirtualMachineView::id).toList());
            return Listing.of("virtualmachine", page, vm -> VmResponse.of(vm)
                    .withTags(tagsById.getOrDefault(vm.id(), java.util.List.of())));
        }
    }

    static final class Update extends SyncCommand {
        private final VirtualMachineService vms;

        @Inject
        Update(VirtualMachineService vms) {
            super("updateVirtualMachine");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            UUID id = params.requiredUuid("id");
            Optional<java.util.List<GroupRef>> groups = groups(params);
            Optional<String> name = params.get("name");
            Optional<String> displayName = params.get("displayname");
            Optional<String> group = params.get("group");
            VirtualMachineView vm =
                    name.isPresent() || displayName.isPresent() || group.isPresent() || groups.isPresent()
                            ? vms.update(caller, id, name, displayName, group, groups)
                                    .value()
                            : vms.get(caller, id);
            return CloudStackResult.object("virtualmachine", VmResponse.of(vm));
        }
    }

    static final class ChangeService extends SyncCommand {
        private final VirtualMachineService vms;

        @Inject
        ChangeService(VirtualMachineService vms) {
            super("changeServiceForVirtualMachine");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            VirtualMachineView vm =
                    vms.changeOffering(caller, params.requiredUuid("id"), params.requiredUuid("serviceofferingid"));
            return CloudStackResult.object("virtualmachine", VmResponse.of(vm));
        }
    }

    static final class Migrate extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Migrate(VirtualMachineService vms) {
            super("migrateVirtualMachine", "VirtualMachine", "virtualmachineid");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            // Without hostid CloudStack picks a host unless autoselect=false, which then needs hostid.
            Optional<UUID> host = params.uuid("hostid");
            if (host.isEmpty() && !params.bool("autoselect", true)) {
                throw params.missing("hostid");
            }
            Mutation<VirtualMachineView> moved = vms.migrate(caller, params.requiredUuid("virtualmachineid"), host);
            return JobOutcome.of(CloudStackResult.object("virtualmachine", VmResponse.of(moved.value())), moved);
        }
    }

    static final class Destroy extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Destroy(VirtualMachineService vms) {
            super("destroyVirtualMachine", "VirtualMachine", "id");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            UUID id = params.requiredUuid("id");
            VirtualMachineView before = vms.get(caller, id);
            Mutation<UUID> destroyed = vms.destroy(caller, id);
            return JobOutcome.of(
                    CloudStackResult.object("virtualmachine", VmResponse.of(before, VmState.DESTROYED)), destroyed);
        }
    }
}
