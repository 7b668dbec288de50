package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpFamily;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.service.ChangeRecords;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.service.Transactions;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.Visibility;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Network scopes (EC2 VPCs). A scope is created with its {@code default} security group (members
 * reach each other, egress allowed), which lives exactly as long as the scope.
 */
public final class NetworkScopeService {
    private final SessionFactory sessions;
    private final NetworkStore store;
    private final Ownership ownership;
    private final ScopeGroups groups;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    public NetworkScopeService(
            SessionFactory sessions,
            NetworkStore store,
            Ownership ownership,
            ScopeGroups groups,
            ChangeLog changes,
            Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Creates a scope and its default group; the CIDR must be IPv4 between /16 and /28, as in EC2. */
    public Mutation<ScopeView> create(Caller caller, NewScope request) {
        Cidr cidr = GuestAddressing.parseNetwork("VPC cidr", request.cidr(), IpFamily.IPV4);
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw WeftException.invalid("the VPC CIDR " + cidr + " must be between /16 and /28");
        }
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, request.accountId());
            Zone zone = request.zoneId()
                    .map(id -> Ownership.find(session, Zone.class, id)
                            .orElseThrow(() -> WeftException.notFound("zone", id)))
                    .orElse(null);
            NetworkScope scope = new NetworkScope(UUID.randomUUID(), owner, zone, cidr.toString(), clock.instant());
            request.name().ifPresent(scope::setName);
            store.persist(session, scope);
            UUID group = groups.createDefault(session, scope);
            return Mutation.of(
                    view(scope, Optional.of(group)), ChangeRecords.groups(changes, session, List.of(group), false));
        });
    }

    public Paged<ScopeView> list(Caller caller, Set<UUID> ids, Optional<UUID> accountId, Page page) {
        return sessions.fromTransaction(session -> {
            Paged<NetworkScope> found = store.listScopes(session, Visibility.of(caller), ids, accountId, page);
            return new Paged<>(
                    found.items().stream()
                            .map(scope -> view(scope, groups.defaultOf(session, scope)))
                            .toList(),
                    found.total());
        });
    }

    public ScopeView get(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> {
            NetworkScope scope = scope(session, caller, id);
            return view(scope, groups.defaultOf(session, scope));
        });
    }

    /**
     * Deletes a scope with its default group; refused (IN_USE) while it has networks or other groups,
     * as EC2's DependencyViolation.
     */
    public Mutation<UUID> delete(Caller caller, UUID id) {
        return Transactions.write(sessions, session -> {
            NetworkScope scope = scope(session, caller, id);
            long networks = store.networksIn(session, scope).size();
            long otherGroups = groups.othersIn(session, scope);
            if (networks > 0 || otherGroups > 0) {
                throw new WeftException(
                        ErrorCode.IN_USE,
                        "VPC " + id + " still has " + networks + " subnets and " + otherGroups
                                + " security groups besides its default one");
            }
            Optional<UUID> group = groups.deleteDefault(session, scope);
            store.deleteTags(session, TaggedType.SCOPE, List.of(id));
            store.remove(session, scope);
            return Mutation.of(
                    id, ChangeRecords.groups(changes, session, group.stream().toList(), true));
        });
    }

    private NetworkScope scope(Session session, Caller caller, UUID id) {
        return ownership.visible(session, caller, NetworkScope.class, id, NetworkScope::getAccount, "VPC");
    }

    private static ScopeView view(NetworkScope scope, Optional<UUID> defaultGroup) {
        Account account = scope.getAccount();
        return new ScopeView(
                scope.getUuid(),
                Optional.ofNullable(scope.getName()),
                account.getUuid(),
                account.getName(),
                account.getDomain().getUuid(),
                Optional.ofNullable(scope.getZone()).map(Zone::getUuid),
                scope.getCidr(),
                scope.getState(),
                defaultGroup,
                scope.getCreated());
    }
}
