package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkStore;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.service.ChangeRecords;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.Visibility;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Network interfaces on their own (EC2 ENIs, compute ports): create, attach and detach, bind to a
 * host, security groups, port security, delete. Each mutation is one transaction with a {@code nic}
 * change record (and a {@code group} record when a default group had to be created).
 */
public final class NicService {
    private final SessionFactory sessions;
    private final ComputeStore store;
    private final NetworkStore networks;
    private final Ownership ownership;
    private final NicAllocator allocator;
    private final NicGroups groups;
    private final Placement placement;
    private final NicSecondaryAddresses secondaries;
    private final ChangeLog changes;

    @Inject
    public NicService(
            SessionFactory sessions,
            ComputeStore store,
            NetworkStore networks,
            Ownership ownership,
            NicAllocator allocator,
            NicGroups groups,
            Placement placement,
            NicSecondaryAddresses secondaries,
            ChangeLog changes) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.placement = requireNonNull(placement, "placement is null");
        this.secondaries = requireNonNull(secondaries, "secondaries is null");
        this.changes = requireNonNull(changes, "changes is null");
    }

    /** A NIC created with a client token, and the token as it was given then. */
    public record CreatedWithToken(NicView nic, ClientToken clientToken) {
        public CreatedWithToken {
            requireNonNull(nic, "nic is null");
            requireNonNull(clientToken, "clientToken is null");
        }
    }

    /** Creates a NIC without a VM, owned by the caller's account or {@code accountId}. */
    public Mutation<NicView> create(Caller caller, Optional<UUID> accountId, NicSpec spec) {
        return create(caller, accountId, spec, Optional.empty());
    }

    /**
     * Creates a NIC as the other {@code create} does, keeping {@code clientToken} with it (EC2's
     * ClientToken; 1 to 64 ASCII characters). Look the token up with {@link #findByClientToken} first: a
     * token is unique per account, so a create with one already used, which only a concurrent create
     * can cause, fails with CONCURRENT_MODIFICATION, and its retry finds the NIC the other one made.
     */
    public Mutation<NicView> create(
            Caller caller, Optional<UUID> accountId, NicSpec spec, Optional<ClientToken> clientToken) {
        clientToken.ifPresent(NicService::checkToken);
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, accountId);
            NicAllocator.Allocated allocated = allocator.allocate(session, caller, owner, spec);
            Nic nic = allocated.nic();
            clientToken.ifPresent(token -> nic.setClientToken(token.token(), token.requestHash()));
            return Mutation.of(
                    ComputeViews.nic(session, store, nic),
                    ChangeRecords.groups(changes, session, allocated.createdGroups(), false),
                    ChangeRecords.nics(changes, session, List.of(nic.getUuid()), false));
        });
    }

    /** The NIC of the caller's account created with client token {@code token}, if there is one. */
    public Optional<CreatedWithToken> findByClientToken(Caller caller, String token) {
        return sessions.fromTransaction(session -> {
            Account owner = ownership.ownerFor(session, caller, Optional.empty());
            return store.nicByClientToken(session, owner, token)
                    .map(nic -> new CreatedWithToken(
                            ComputeViews.nic(session, store, nic),
                            new ClientToken(nic.getClientToken(), nic.getClientRequestHash())));
        });
    }

    public Paged<NicView> list(Caller caller, NicQuery query, Page page) {
        return sessions.fromTransaction(session -> {
            Paged<Nic> found = store.listNics(session, Visibility.of(caller), query, page);
            return new Paged<>(
                    found.items().stream()
                            .map(nic -> ComputeViews.nic(session, store, nic))
                            .toList(),
                    found.total());
        });
    }

    public NicView get(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> ComputeViews.nic(session, store, nic(session, caller, id)));
    }

    /**
     * Attaches a detached NIC to a VM of the same account and zone, as device {@code deviceIndex}
     * (default: after the VM's last); a running VM's host binds it at once.
     */
    public Mutation<NicView> attach(Caller caller, UUID nicId, UUID vmId, Optional<Integer> deviceIndex) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            VirtualMachine vm = ownership.visible(
                    session, caller, VirtualMachine.class, vmId, VirtualMachine::getAccount, "virtual machine");
            if (nic.getVm() != null) {
                throw new WeftException(ErrorCode.IN_USE, "network interface " + nicId + " is already attached");
            }
            if (!vm.getAccount().equals(nic.getAccount())
                    || !vm.getZone().equals(nic.getNetwork().getZone())) {
                throw WeftException.invalid(
                        "network interface " + nicId + " and VM " + vmId + " are not of the same account and zone");
            }
            List<Nic> attached = store.nicsOf(session, vm);
            int index = deviceIndex.orElse(attached.stream()
                    .map(Nic::getDeviceIndex)
                    .filter(i -> i != null)
                    .max(Integer::compare)
                    .map(i -> i + 1)
                    .orElse(0));
            if (attached.stream().anyMatch(other -> Integer.valueOf(index).equals(other.getDeviceIndex()))) {
                throw new WeftException(ErrorCode.IN_USE, "VM " + vmId + " already has a device " + index);
            }
            nic.attach(vm, index, vm.getHost(), TapNames.of(nic.getUuid()));
            nic.setDefaultNic(attached.isEmpty());
            return changed(session, nic, false);
        });
    }

    /** Detaches a NIC from its VM; it keeps its addresses and groups, and its port is unbound. */
    public Mutation<NicView> detach(Caller caller, UUID nicId) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            if (nic.getVm() == null) {
                throw WeftException.invalid("network interface " + nicId + " is not attached");
            }
            nic.attach(null, null, null, TapNames.of(nic.getUuid()));
            nic.setDefaultNic(false);
            return changed(session, nic, true);
        });
    }

    /** Binds the NIC's port on a host (root only); the dispatcher programs it there. */
    public Mutation<NicView> bind(Caller caller, UUID nicId, UUID hostId) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            nic.bindTo(placement.host(session, caller, hostId, nic.getNetwork().getZone()));
            return changed(session, nic, false);
        });
    }

    public Mutation<NicView> unbind(Caller caller, UUID nicId) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            nic.bindTo(null);
            return changed(session, nic, true);
        });
    }

    /**
     * Replaces the NIC's security groups (EC2 ModifyNetworkInterfaceAttribute SecurityGroupId.N), live.
     * An empty list takes the NIC out of every group.
     */
    public Mutation<NicView> setGroups(Caller caller, UUID nicId, List<GroupRef> refs) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            NicGroups.Chosen chosen = groups.choose(session, caller, nic, Optional.of(refs));
            boolean tightens = groups.replace(session, nic, chosen.groups());
            return changed(session, nic, tightens);
        });
    }

    /** Port security on: anti-spoofing and groups apply; off: the NIC is not filtered at all. */
    public Mutation<NicView> setPortSecurity(Caller caller, UUID nicId, boolean enabled) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            nic.setPortSecurityEnabled(enabled);
            return changed(session, nic, enabled);
        });
    }

    /** EC2's SourceDestCheck: off lifts anti-spoofing only, the groups still apply. */
    public Mutation<NicView> setSourceDestCheck(Caller caller, UUID nicId, boolean enabled) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            nic.setSourceDestCheck(enabled);
            return changed(session, nic, enabled);
        });
    }

    /** Changes the description (EC2's Description.Value); empty clears it. Hosts never see it: no change record. */
    public Mutation<NicView> setDescription(Caller caller, UUID nicId, String description) {
        String stored = NicAllocator.description(requireNonNull(description, "description is null"));
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            nic.setDescription(stored);
            session.flush();
            return Mutation.of(ComputeViews.nic(session, store, nic));
        });
    }

    /** A NIC after secondary addresses were assigned to it, and those addresses in order. */
    public record SecondaryAssignment(NicView nic, List<String> assigned) {
        public SecondaryAssignment {
            requireNonNull(nic, "nic is null");
            assigned = List.copyOf(assigned);
        }
    }

    /**
     * Gives the NIC secondary private IPv4 addresses from its network (EC2 AssignPrivateIpAddresses):
     * the {@code wanted} ones, then {@code count} picked ones. Its host lets them out at once.
     */
    public Mutation<SecondaryAssignment> assignSecondaryAddresses(
            Caller caller, UUID nicId, List<String> wanted, int count) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            List<String> assigned = secondaries.assign(session, nic, wanted, count);
            Mutation<NicView> changed = changed(session, nic, false);
            return new Mutation<>(new SecondaryAssignment(changed.value(), assigned), changed.changeIds());
        });
    }

    /** Takes secondary addresses off the NIC (EC2 UnassignPrivateIpAddresses); they are free again. */
    public Mutation<NicView> unassignSecondaryAddresses(Caller caller, UUID nicId, List<String> addresses) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            secondaries.unassign(session, nic, addresses);
            return changed(session, nic, true);
        });
    }

    /** Deletes a detached NIC, freeing its addresses; an attached one is IN_USE (detach it first). */
    public Mutation<UUID> delete(Caller caller, UUID nicId) {
        return Transactions.write(sessions, session -> {
            Nic nic = nic(session, caller, nicId);
            if (nic.getVm() != null) {
                throw new WeftException(
                        ErrorCode.IN_USE,
                        "network interface " + nicId + " is attached to VM "
                                + nic.getVm().getUuid());
            }
            store.deleteNics(session, List.of(nic));
            return Mutation.of(nicId, ChangeRecords.nics(changes, session, List.of(nicId), true));
        });
    }

    private Mutation<NicView> changed(Session session, Nic nic, boolean tightens) {
        session.flush();
        return Mutation.of(
                ComputeViews.nic(session, store, nic),
                ChangeRecords.nics(changes, session, List.of(nic.getUuid()), tightens));
    }

    private static void checkToken(ClientToken clientToken) {
        String token = clientToken.token();
        boolean ascii = token.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (token.isEmpty() || token.length() > ClientToken.MAX_LENGTH || !ascii) {
            throw WeftException.invalid("a client token is 1 to " + ClientToken.MAX_LENGTH + " ASCII characters");
        }
    }

    private Nic nic(Session session, Caller caller, UUID id) {
        return ownership.visible(session, caller, Nic.class, id, Nic::getAccount, "network interface");
    }
}
