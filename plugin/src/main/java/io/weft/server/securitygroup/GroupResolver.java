package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkScope;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.TenancyStore;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Finds the group a request names, as far as the caller may see it: a group the caller may not see
 * is NOT_FOUND whether or not it exists. Used for rule remotes and for NIC memberships.
 */
public final class GroupResolver {
    private final Ownership ownership;
    private final SecurityGroupStore store;
    private final TenancyStore tenancy;

    @Inject
    public GroupResolver(Ownership ownership, SecurityGroupStore store, TenancyStore tenancy) {
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.store = requireNonNull(store, "store is null");
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
    }

    public SecurityGroupEntity byId(Session session, Caller caller, UUID id) {
        return ownership.visible(
                session, caller, SecurityGroupEntity.class, id, SecurityGroupEntity::getAccount, "security group");
    }

    /**
     * The group {@code ref} names. Names are looked up among the groups of {@code owner} (or of the
     * named account in the owner's domain) in {@code scope} (null: unscoped).
     */
    public SecurityGroupEntity resolve(
            Session session, Caller caller, Account owner, NetworkScope scope, GroupRef ref) {
        if (ref instanceof GroupRef.ById byId) {
            return byId(session, caller, byId.id());
        }
        GroupRef.ByName byName = (GroupRef.ByName) ref;
        Account account = byName.accountName()
                .map(name -> tenancy.findAccountByName(session, owner.getDomain(), name)
                        .orElseThrow(() -> WeftException.notFound("account", name)))
                .orElse(owner);
        return store.findByName(session, account, scope, byName.name())
                .filter(found -> ownership.canSee(caller, found.getAccount()))
                .orElseThrow(() -> WeftException.notFound("security group", byName.name()));
    }

    /**
     * A group for a NIC of {@code owner} in {@code scope}: it must belong to the same account and
     * scope, as CloudStack and EC2 require.
     */
    public SecurityGroupEntity forNic(Session session, Caller caller, Account owner, NetworkScope scope, GroupRef ref) {
        SecurityGroupEntity group = resolve(session, caller, owner, scope, ref);
        if (!group.getAccount().equals(owner)) {
            throw WeftException.invalid(
                    "security group " + group.getUuid() + " belongs to another account than the NIC");
        }
        if (!Objects.equals(scopeId(group.getScope()), scopeId(scope))) {
            throw WeftException.invalid("security group " + group.getUuid() + " is not in the NIC's VPC");
        }
        return group;
    }

    static UUID scopeId(NetworkScope scope) {
        return scope == null ? null : scope.getUuid();
    }
}
