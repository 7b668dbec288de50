package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.catalogue.VmCatalogue;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.Network;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkStore;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.service.ChangeRecords;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.service.TextFields;
import io.weft.server.service.Transactions;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.Visibility;
import io.weft.server.topology.Host;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * What Weft knows of VMs: owner, placement and NICs. Placement binds every NIC's port on the host
 * (start), unbinds them (stop) or moves them (migrate: one record; the dispatcher makes the new
 * port before it breaks the old). Each mutation is one transaction with one {@code nic} record.
 */
public final class VirtualMachineService {
    private static final int MAX_NAME_LENGTH = 255;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final SessionFactory sessions;
    private final ComputeStore store;
    private final NetworkStore networks;
    private final Ownership ownership;
    private final NicAllocator allocator;
    private final NicGroups groups;
    private final Placement placement;
    private final NetworkLimits limits;
    private final VmCatalogue catalogue;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    public VirtualMachineService(
            SessionFactory sessions,
            ComputeStore store,
            NetworkStore networks,
            Ownership ownership,
            NicAllocator allocator,
            NicGroups groups,
            Placement placement,
            NetworkLimits limits,
            VmCatalogue catalogue,
            ChangeLog changes,
            Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.placement = requireNonNull(placement, "placement is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Registers a VM with its NICs (device 0 is the default NIC), placed on a host when one is given.
     * An offering or template the caller may not deploy is NOT_FOUND ({@link VmCatalogue}). The
     * name is the guest's host name, held to the same rule as a rename ({@link #checkHostName}).
     */
    public Mutation<VirtualMachineView> register(Caller caller, NewVirtualMachine request) {
        String name = checkHostName(request.name());
        if (request.nics().size() > limits.nicsPerVm()) {
            throw new WeftException(
                    ErrorCode.LIMIT_EXCEEDED, "a VM may have at most " + limits.nicsPerVm() + " network interfaces");
        }
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, request.accountId());
            Zone zone = Ownership.find(session, Zone.class, request.zoneId())
                    .orElseThrow(() -> WeftException.notFound("zone", request.zoneId()));
            Host host = request.hostId()
                    .map(id -> placement.host(session, caller, id, zone))
                    .orElse(null);
            VirtualMachine vm = new VirtualMachine(UUID.randomUUID(), owner, zone, name, clock.instant());
            request.serviceOfferingId()
                    .ifPresent(id -> vm.setServiceOfferingId(
                            catalogue.offeringToDeploy(session, id).getUuid()));
            request.templateId()
                    .ifPresent(id -> vm.setTemplateId(catalogue
                            .templateToDeploy(session, caller, id, zone.getUuid())
                            .getUuid()));
            vm.setDisplayName(request.displayName().orElse(name));
            vm.setHost(host);
            vm.setState(host == null ? VmState.STOPPED : VmState.RUNNING);
            store.persist(session, vm);
            List<UUID> createdGroups = new ArrayList<>();
            List<UUID> nicIds = new ArrayList<>();
            for (int index = 0; index < request.nics().size(); index++) {
                NicAllocator.Allocated allocated = allocator.allocate(
                        session, caller, owner, request.nics().get(index));
                requireSameZone(allocated.nic(), zone);
                allocated
                        .nic()
                        .attach(vm, index, host, TapNames.of(allocated.nic().getUuid()));
                allocated.nic().setDefaultNic(index == 0);
                createdGroups.addAll(allocated.createdGroups());
                nicIds.add(allocated.nic().getUuid());
            }
            session.flush();
            return Mutation.of(
                    ComputeViews.vm(session, store, vm),
                    ChangeRecords.groups(changes, session, createdGroups, false),
                    ChangeRecords.nics(changes, session, nicIds, false));
        });
    }

    public Paged<VirtualMachineView> list(Caller caller, Set<UUID> ids, Optional<UUID> accountId, Page page) {
        return list(caller, VirtualMachineQuery.of(ids, accountId), page);
    }

    /** One page of the VMs {@code query} selects that the caller may see, and how many there are in all. */
    public Paged<VirtualMachineView> list(Caller caller, VirtualMachineQuery query, Page page) {
        return sessions.fromTransaction(session -> {
            Paged<VirtualMachine> found = store.listVms(session, Visibility.of(caller), query, page);
            return new Paged<>(
                    found.items().stream()
                            .map(vm -> ComputeViews.vm(session, store, vm))
                            .toList(),
                    found.total());
        });
    }

    public VirtualMachineView get(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> ComputeViews.vm(session, store, vm(session, caller, id)));
    }

    /** Whether a VM with this id exists and the caller may see it. */
    public boolean isVisible(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> Ownership.find(session, VirtualMachine.class, id)
                .map(vm -> ownership.canSee(caller, vm.getAccount()))
                .orElse(false));
    }

    /** Adds a NIC to a VM as its next device (CloudStack addNicToVirtualMachine). */
    public Mutation<VirtualMachineView> addNic(Caller caller, UUID vmId, NicSpec spec) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            List<Nic> existing = store.nicsOf(session, vm);
            if (existing.size() >= limits.nicsPerVm()) {
                throw new WeftException(
                        ErrorCode.LIMIT_EXCEEDED,
                        "a VM may have at most " + limits.nicsPerVm() + " network interfaces");
            }
            NicAllocator.Allocated allocated =
                    allocator.allocate(session, caller, vm.getAccount(), withVmGroups(session, existing, spec));
            Nic nic = allocated.nic();
            requireSameZone(nic, vm.getZone());
            int index = existing.stream()
                    .map(Nic::getDeviceIndex)
                    .filter(i -> i != null)
                    .max(Integer::compare)
                    .map(i -> i + 1)
                    .orElse(0);
            nic.attach(vm, index, vm.getHost(), TapNames.of(nic.getUuid()));
            nic.setDefaultNic(existing.isEmpty());
            session.flush();
            return Mutation.of(
                    ComputeViews.vm(session, store, vm),
                    ChangeRecords.groups(changes, session, allocated.createdGroups(), false),
                    ChangeRecords.nics(changes, session, List.of(nic.getUuid()), false));
        });
    }

    /**
     * In CloudStack security groups belong to the VM, not to a NIC: a NIC added without naming
     * groups gets those of the VM's default NIC (when both are outside VPCs, or in the same one),
     * so that listVirtualMachines still shows the VM's groups and no account default appears.
     */
    private NicSpec withVmGroups(Session session, List<Nic> existing, NicSpec spec) {
        if (spec.groups().isPresent()) {
            return spec;
        }
        Optional<Nic> primary = existing.stream().filter(Nic::isDefaultNic).findFirst();
        Optional<Network> target = Ownership.find(session, Network.class, spec.networkId());
        if (primary.isEmpty()
                || target.isEmpty()
                || !Objects.equals(scopeOf(primary.get().getNetwork()), scopeOf(target.get()))) {
            return spec;
        }
        return spec.withGroups(store.membershipsOf(session, primary.get()).stream()
                .map(membership -> GroupRef.id(membership.getSecurityGroup().getUuid()))
                .toArray(GroupRef[]::new));
    }

    private static Optional<UUID> scopeOf(Network network) {
        return Optional.ofNullable(network.getScope()).map(scope -> scope.getUuid());
    }

    /** Removes and deletes one of the VM's NICs (CloudStack removeNicFromVirtualMachine). */
    public Mutation<VirtualMachineView> removeNic(Caller caller, UUID vmId, UUID nicId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            Nic nic = store.nicsOf(session, vm).stream()
                    .filter(candidate -> candidate.getUuid().equals(nicId))
                    .findFirst()
                    .orElseThrow(() -> WeftException.notFound("network interface", nicId));
            if (nic.isDefaultNic()) {
                throw WeftException.invalid("the default network interface of a VM cannot be removed");
            }
            store.deleteNics(session, List.of(nic));
            return Mutation.of(
                    ComputeViews.vm(session, store, vm), ChangeRecords.nics(changes, session, List.of(nicId), true));
        });
    }

    /** Places the VM on a host and binds all its NICs there (root only). */
    public Mutation<VirtualMachineView> start(Caller caller, UUID vmId, UUID hostId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            if (vm.getHost() != null) {
                throw WeftException.invalid(
                        "VM " + vmId + " already runs on host " + vm.getHost().getUuid() + "; migrate it instead");
            }
            return place(session, vm, placement.host(session, caller, hostId, vm.getZone()), false);
        });
    }

    /**
     * Starts a stopped VM (CloudStack startVirtualMachine): on {@code hostId} (root only), or when
     * it is empty on the host {@link Placement#startHostFor} picks. A running VM is left as it is.
     */
    public Mutation<VirtualMachineView> start(Caller caller, UUID vmId, Optional<UUID> hostId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            if (vm.getHost() != null) {
                return Mutation.of(ComputeViews.vm(session, store, vm));
            }
            Host host = hostId.isPresent()
                    ? placement.host(session, caller, hostId.get(), vm.getZone())
                    : placement.startHostFor(session, vm);
            return place(session, vm, host, false);
        });
    }

    /** Unbinds all the VM's NICs: their ports go away, their addresses stay reserved. */
    public Mutation<VirtualMachineView> stop(Caller caller, UUID vmId) {
        return Transactions.write(sessions, session -> place(session, vm(session, caller, vmId), null, true));
    }

    /**
     * Moves the VM's NICs to another host (root only), in one change record: to {@code hostId}, or
     * when it is empty to the host {@link Placement#destinationFor} picks.
     */
    public Mutation<VirtualMachineView> migrate(Caller caller, UUID vmId, Optional<UUID> hostId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            if (vm.getHost() == null) {
                throw WeftException.invalid("VM " + vmId + " is not running; start it instead");
            }
            Host target = hostId.isPresent()
                    ? placement.host(session, caller, hostId.get(), vm.getZone())
                    : placement.destinationFor(session, caller, vm);
            if (target.equals(vm.getHost())) {
                throw WeftException.invalid("VM " + vmId + " already runs on host " + target.getUuid());
            }
            return place(session, vm, target, false);
        });
    }

    /**
     * Gives a stopped VM another service offering (CloudStack's changeServiceForVirtualMachine): as
     * in CloudStack, a running VM and the offering it already has are refused, and the offering
     * must be one the caller could deploy. Networking does not depend on it: nothing to apply.
     */
    public VirtualMachineView changeOffering(Caller caller, UUID vmId, UUID offeringId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            if (vm.getState() != VmState.STOPPED) {
                throw WeftException.invalid("Unable to upgrade virtual machine " + vmId + " in state "
                        + camel(vm.getState()) + "; make sure the virtual machine is stopped");
            }
            UUID offering = catalogue.offeringToDeploy(session, offeringId).getUuid();
            if (offering.equals(vm.getServiceOfferingId())) {
                throw WeftException.invalid("Not upgrading virtual machine " + vmId
                        + " since it already has the requested service offering " + offering);
            }
            vm.setServiceOfferingId(offering);
            session.flush();
            return ComputeViews.vm(session, store, vm);
        });
    }

    private static String camel(VmState state) {
        return state.name().charAt(0) + state.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * CloudStack's updateVirtualMachine, all or nothing: a new {@code name}, {@code displayName} or
     * {@code group} (a blank group removes it; hosts never see any of them) and, when given, the
     * security groups of every NIC (live, one change record).
     */
    public Mutation<VirtualMachineView> update(
            Caller caller,
            UUID vmId,
            Optional<String> name,
            Optional<String> displayName,
            Optional<String> group,
            Optional<List<GroupRef>> refs) {
        Optional<String> newName = name.map(VirtualMachineService::checkHostName);
        Optional<String> newDisplayName =
                displayName.map(text -> TextFields.checked("a display name", text, MAX_NAME_LENGTH));
        Optional<String> newGroup = group.map(text -> TextFields.checked("a VM group", text, MAX_NAME_LENGTH));
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            newName.ifPresent(vm::setName);
            newDisplayName.ifPresent(vm::setDisplayName);
            newGroup.ifPresent(g -> vm.setGroup(g.isBlank() ? null : g));
            List<Long> changed = refs.isPresent() ? regroup(session, caller, vm, refs.get()) : List.of();
            session.flush();
            return Mutation.of(ComputeViews.vm(session, store, vm), changed);
        });
    }

    /** Replaces the security groups of every NIC of the VM with the same set, live. */
    public Mutation<VirtualMachineView> setGroups(Caller caller, UUID vmId, List<GroupRef> refs) {
        return update(caller, vmId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(refs));
    }

    private List<Long> regroup(Session session, Caller caller, VirtualMachine vm, List<GroupRef> refs) {
        List<Nic> nics = store.nicsOf(session, vm);
        boolean tightens = true;
        for (Nic nic : nics) {
            NicGroups.Chosen chosen = groups.choose(session, caller, nic, Optional.of(refs));
            tightens &= groups.replace(session, nic, chosen.groups());
        }
        session.flush();
        return ChangeRecords.nics(changes, session, NicAllocator.ids(nics), tightens);
    }

    /** Destroys the VM with its NICs, freeing their addresses. */
    public Mutation<UUID> destroy(Caller caller, UUID vmId) {
        return Transactions.write(sessions, session -> {
            VirtualMachine vm = vm(session, caller, vmId);
            List<Nic> nics = store.nicsOf(session, vm);
            store.deleteNics(session, nics);
            networks.deleteTags(session, TaggedType.VM, List.of(vmId));
            store.remove(session, vm);
            return Mutation.of(vmId, ChangeRecords.nics(changes, session, NicAllocator.ids(nics), true));
        });
    }

    private Mutation<VirtualMachineView> place(Session session, VirtualMachine vm, Host host, boolean tightens) {
        vm.setHost(host);
        vm.setState(host == null ? VmState.STOPPED : VmState.RUNNING);
        List<Nic> nics = store.nicsOf(session, vm);
        nics.forEach(nic -> nic.bindTo(host));
        session.flush();
        return Mutation.of(
                ComputeViews.vm(session, store, vm),
                ChangeRecords.nics(changes, session, NicAllocator.ids(nics), tightens));
    }

    private static void requireSameZone(Nic nic, Zone zone) {
        if (!nic.getNetwork().getZone().equals(zone)) {
            throw WeftException.invalid("network " + nic.getNetwork().getUuid() + " is not in the VM's zone");
        }
    }

    private VirtualMachine vm(Session session, Caller caller, UUID id) {
        return ownership.visible(
                session, caller, VirtualMachine.class, id, VirtualMachine::getAccount, "virtual machine");
    }

    /**
     * A VM's name, at deployVirtualMachine as at a rename, is its guest's host name, so CloudStack's rule for it applies
     * ({@code NetUtils.verifyDomainNameLabel(name, true)}): 1-63 ASCII letters, digits and hyphens,
     * not starting with a digit or a hyphen nor ending with a hyphen.
     */
    private static String checkHostName(String name) {
        checkName(name);
        if (!HOST_NAME.matcher(name).matches()) {
            throw new WeftException(
                    ErrorCode.INVALID_PARAMETER,
                    "Invalid name. Vm name can contain ASCII letters 'a' through 'z', the digits '0' through '9', and"
                            + " the hyphen ('-'), must be between 1 and 63 characters long, and can't start or end"
                            + " with \"-\" and can't start with digit");
        }
        return name;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "a VM name is required");
        }
        return TextFields.checked("a VM name", name, MAX_NAME_LENGTH);
    }
}
