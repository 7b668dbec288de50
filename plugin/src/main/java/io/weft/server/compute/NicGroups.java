package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkLimits;
import io.weft.server.securitygroup.DefaultGroups;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.GroupResolver;
import io.weft.server.securitygroup.SecurityGroupEntity;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Which security groups a NIC is in: resolving, defaulting, the per-NIC quota and replacing the set. */
public final class NicGroups {
    private final GroupResolver resolver;
    private final DefaultGroups defaults;
    private final ComputeStore store;
    private final NetworkLimits limits;

    @Inject
    public NicGroups(GroupResolver resolver, DefaultGroups defaults, ComputeStore store, NetworkLimits limits) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.store = requireNonNull(store, "store is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** The groups chosen, and the default groups created on the way (which need their own record). */
    record Chosen(Set<SecurityGroupEntity> groups, List<UUID> createdGroups) {}

    /**
     * The groups {@code refs} name for a NIC like {@code nic}; absent refs mean the default group of
     * the NIC's VPC, or of its account.
     */
    Chosen choose(Session session, Caller caller, Nic nic, Optional<List<GroupRef>> refs) {
        if (refs.isEmpty()) {
            var scope = nic.getNetwork().getScope();
            if (scope != null) {
                SecurityGroupEntity group = defaults.ofScope(session, scope)
                        .orElseThrow(
                                () -> new IllegalStateException("VPC " + scope.getUuid() + " has no default group"));
                return new Chosen(Set.of(group), List.of());
            }
            DefaultGroups.Defaulted defaulted = defaults.forAccount(session, nic.getAccount());
            return new Chosen(
                    Set.of(defaulted.group()),
                    defaulted.created() ? List.of(defaulted.group().getUuid()) : List.of());
        }
        Set<SecurityGroupEntity> groups = new LinkedHashSet<>();
        for (GroupRef ref : refs.get()) {
            groups.add(resolver.forNic(
                    session, caller, nic.getAccount(), nic.getNetwork().getScope(), ref));
        }
        if (groups.size() > limits.groupsPerNic()) {
            throw new WeftException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "a network interface may be in at most " + limits.groupsPerNic() + " security groups, not "
                            + groups.size());
        }
        return new Chosen(groups, List.of());
    }

    /** Makes {@code groups} the NIC's whole set; returns whether only groups were taken away. */
    boolean replace(Session session, Nic nic, Set<SecurityGroupEntity> groups) {
        List<NicSecurityGroup> current = store.membershipsOf(session, nic);
        Set<SecurityGroupEntity> before = new LinkedHashSet<>();
        List<NicSecurityGroup> removed = new ArrayList<>();
        for (NicSecurityGroup membership : current) {
            before.add(membership.getSecurityGroup());
            if (!groups.contains(membership.getSecurityGroup())) {
                removed.add(membership);
            }
        }
        removed.forEach(membership -> store.remove(session, membership));
        // Flush the removals first: the pair (nic, group) is unique, and inserts go before deletes.
        session.flush();
        for (SecurityGroupEntity group : groups) {
            if (!before.contains(group)) {
                store.persist(session, new NicSecurityGroup(UUID.randomUUID(), nic, group));
            }
        }
        return before.containsAll(groups);
    }
}
