package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.ipam.AddressPool;
import io.weft.server.network.ipam.SegmentPool;
import io.weft.server.persistence.ChangeLog;
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
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.Visibility;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Tenant networks (CloudStack guest networks, EC2 subnets). Every call runs in one transaction and
 * authorizes the caller against the owner; mutations write a {@code network} change record.
 */
public final class NetworkService {
    private static final int MAX_NAME_LENGTH = 255;
    // EC2 keeps the network address and the next three (router, DNS, future use) in every subnet.
    private static final int SCOPED_RESERVED_HEAD = 4;

    private final SessionFactory sessions;
    private final NetworkStore store;
    private final NetworkAttachments attachments;
    private final Ownership ownership;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    public NetworkService(
            SessionFactory sessions,
            NetworkStore store,
            NetworkAttachments attachments,
            Ownership ownership,
            ChangeLog changes,
            Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.attachments = requireNonNull(attachments, "attachments is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Creates a network: a segment id from the zone's ranges of the isolation type (or the requested
     * one, validated), the IPv4 CIDR with its gateway and guest range, and optionally an IPv6 CIDR. In
     * a scope, the CIDR must lie inside the scope's and overlap none of its other networks.
     */
    public Mutation<NetworkView> create(Caller caller, NewNetwork request) {
        String name = checkName(request.name());
        if (request.segmentId().isPresent() && !caller.isRootAdmin()) {
            // The segment is the operator's to give, as CloudStack's vlan parameter is.
            throw WeftException.invalid("Only ROOT admin is allowed to specify vlanId");
        }
        Cidr cidr = GuestAddressing.parseNetwork("cidr", request.cidr(), IpFamily.IPV4);
        Optional<Cidr> ipv6 =
                request.ipv6Cidr().map(text -> GuestAddressing.parseNetwork("ipv6 cidr", text, IpFamily.IPV6));
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, request.accountId());
            Zone zone = usableZone(session, caller, request.zoneId());
            NetworkScope scope = request.scopeId()
                    .map(id -> scopeFor(session, caller, owner, zone, id, cidr))
                    .orElse(null);
            AddressPool pool = pool(cidr, request, scope != null);
            IsolationType isolation = request.isolation().orElse(IsolationType.VXLAN);
            long segment = segmentPool(zone, isolation)
                    .allocate(store.segmentsInUse(session, zone, isolation), request.segmentId());
            Network network = new Network(
                    UUID.randomUUID(),
                    owner,
                    zone,
                    scope,
                    name,
                    isolation,
                    cidr.toString(),
                    pool.gateway().toString(),
                    clock.instant());
            network.setDisplayText(request.displayText().orElse(name));
            network.setSegmentId(segment);
            AddressPool whole = AddressPool.of(cidr, pool.gateway());
            if (!whole.first().equals(pool.first()) || !whole.last().equals(pool.last())) {
                network.setGuestRange(pool.first().toString(), pool.last().toString());
            }
            ipv6.ifPresent(v6 ->
                    network.setIpv6(v6.toString(), GuestAddressing.offset(v6, 1).toString()));
            store.persist(session, network);
            return Mutation.of(
                    view(session, network),
                    ChangeRecords.networks(changes, session, List.of(network.getUuid()), false));
        });
    }

    public Paged<NetworkView> list(Caller caller, NetworkQuery query, Page page) {
        return sessions.fromTransaction(session -> {
            Paged<Network> found = store.list(session, Visibility.of(caller), query, page);
            return new Paged<>(
                    found.items().stream()
                            .map(network -> view(session, network))
                            .toList(),
                    found.total());
        });
    }

    public NetworkView get(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> view(session, network(session, caller, id)));
    }

    public Mutation<NetworkView> update(Caller caller, UUID id, Optional<String> name, Optional<String> displayText) {
        Optional<String> newName = name.map(NetworkService::checkName);
        return Transactions.write(sessions, session -> {
            Network network = network(session, caller, id);
            newName.ifPresent(network::setName);
            displayText.ifPresent(network::setDisplayText);
            session.flush();
            return Mutation.of(
                    view(session, network),
                    ChangeRecords.networks(changes, session, List.of(network.getUuid()), false));
        });
    }

    /**
     * Deletes a network. While NICs use it the delete is refused (IN_USE), unless {@code forced} by an
     * admin of the owner, which deletes those NICs too (their VMs lose them).
     */
    public Mutation<UUID> delete(Caller caller, UUID id, boolean forced) {
        return Transactions.write(sessions, session -> {
            Network network = network(session, caller, id);
            List<UUID> nicIds = attachments.nicsOn(session, network);
            if (!nicIds.isEmpty()) {
                if (!forced) {
                    throw new WeftException(
                            ErrorCode.IN_USE,
                            "network " + id + " still has " + nicIds.size() + " network interfaces; delete them first");
                }
                if (caller.role() == Role.USER) {
                    throw new WeftException(
                            ErrorCode.PERMISSION_DENIED,
                            "only an administrator may force the delete of a network in use");
                }
            }
            attachments.deleteNicsOn(session, network);
            store.deleteTags(session, TaggedType.NETWORK, List.of(id));
            store.remove(session, network);
            return Mutation.of(
                    id,
                    ChangeRecords.nics(changes, session, nicIds, true),
                    ChangeRecords.networks(changes, session, List.of(id), true));
        });
    }

    // Helpers -------------------------------------------------------------------------------------

    private Network network(Session session, Caller caller, UUID id) {
        return ownership.visible(session, caller, Network.class, id, Network::getAccount, "network");
    }

    private Zone usableZone(Session session, Caller caller, UUID id) {
        return Ownership.find(session, Zone.class, id)
                .filter(zone -> caller.isRootAdmin() || zone.getAllocationState() == AllocationState.ENABLED)
                .orElseThrow(() -> WeftException.notFound("zone", id));
    }

    private NetworkScope scopeFor(Session session, Caller caller, Account owner, Zone zone, UUID id, Cidr cidr) {
        NetworkScope scope =
                ownership.visible(session, caller, NetworkScope.class, id, NetworkScope::getAccount, "VPC");
        if (!scope.getAccount().equals(owner)) {
            throw WeftException.invalid("VPC " + id + " belongs to another account than the network");
        }
        if (scope.getZone() != null && !scope.getZone().equals(zone)) {
            throw WeftException.invalid("VPC " + id + " is not in zone " + zone.getUuid());
        }
        Cidr scopeCidr = Cidr.parse(scope.getCidr());
        if (!GuestAddressing.contains(scopeCidr, cidr)) {
            throw WeftException.invalid("the CIDR " + cidr + " is not inside the VPC's CIDR " + scopeCidr);
        }
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw WeftException.invalid("the CIDR " + cidr + " must be between /16 and /28 in a VPC");
        }
        for (Network other : store.networksIn(session, scope)) {
            if (GuestAddressing.overlap(Cidr.parse(other.getCidr()), cidr)) {
                throw WeftException.invalid("the CIDR " + cidr + " conflicts with " + other.getCidr() + " of network "
                        + other.getUuid() + " in the same VPC");
            }
        }
        return scope;
    }

    private static AddressPool pool(Cidr cidr, NewNetwork request, boolean scoped) {
        IpAddress gateway = request.gateway()
                .map(text -> GuestAddressing.parseAddress("gateway", text))
                .orElse(GuestAddressing.offset(cidr, 1));
        if (request.startIp().isEmpty() && request.endIp().isEmpty()) {
            AddressPool whole = AddressPool.of(cidr, gateway);
            if (!scoped) {
                return whole;
            }
            return new AddressPool(cidr, gateway, GuestAddressing.offset(cidr, SCOPED_RESERVED_HEAD), whole.last());
        }
        AddressPool whole = AddressPool.of(cidr, gateway);
        IpAddress first = request.startIp()
                .map(text -> GuestAddressing.parseAddress("startip", text))
                .orElse(whole.first());
        IpAddress last = request.endIp()
                .map(text -> GuestAddressing.parseAddress("endip", text))
                .orElse(whole.last());
        if (first.compareTo(whole.first()) < 0 || last.compareTo(whole.last()) > 0) {
            throw WeftException.invalid("the range " + first + "-" + last + " must leave out the network and"
                    + " broadcast addresses of " + cidr);
        }
        return new AddressPool(cidr, gateway, first, last);
    }

    private static SegmentPool segmentPool(Zone zone, IsolationType isolation) {
        List<SegmentPool.Range> ranges = zone.getSegmentRanges().stream()
                .map(range -> range.toRange())
                .filter(range -> range.type() == isolation)
                .map((SegmentRange range) -> new SegmentPool.Range(range.start(), range.end()))
                .toList();
        return new SegmentPool(isolation + " segment id", ranges);
    }

    private NetworkView view(Session session, Network network) {
        AddressPool pool = GuestAddressing.poolOf(network);
        long nics = store.countNics(session, network);
        long used = store.addressesInUse(session, network).size();
        Account account = network.getAccount();
        return new NetworkView(
                network.getUuid(),
                network.getName(),
                Optional.ofNullable(network.getDisplayText()),
                account.getUuid(),
                account.getName(),
                account.getDomain().getUuid(),
                account.getDomain().getName(),
                network.getZone().getUuid(),
                network.getZone().getName(),
                Optional.ofNullable(network.getScope()).map(NetworkScope::getUuid),
                network.getIsolationType(),
                Optional.ofNullable(network.getSegmentId()),
                network.getCidr(),
                network.getGateway(),
                GuestAddressing.netmask(pool.cidr().prefixLength()),
                firstAssignable(pool).toString(),
                pool.last().toString(),
                Optional.ofNullable(network.getIpv6Cidr()),
                Optional.ofNullable(network.getIpv6Gateway()),
                network.getState(),
                nics,
                Math.max(0, GuestAddressing.size(pool) - used),
                network.getCreated());
    }

    private static IpAddress firstAssignable(AddressPool pool) {
        return pool.isAssignable(pool.first())
                ? pool.first()
                : new IpAddress(IpFamily.IPV4, 0, pool.first().low() + 1);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "a network name is required");
        }
        return TextFields.checked("a network name", name, MAX_NAME_LENGTH);
    }
}
