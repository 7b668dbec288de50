package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.NetworkScope;
import io.weft.server.tenancy.Account;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The groups named {@code default}. A scope (EC2 VPC) gets one when it is created: its members may
 * reach each other on every protocol, and egress is allowed everywhere by a rule that can be revoked.
 * An account gets one (CloudStack) the first time a VM is deployed without groups: no ingress, and
 * CloudStack's egress semantics (all allowed until the first egress rule). Neither can be deleted.
 */
public final class DefaultGroups {
    public static final String NAME = "default";

    private final SecurityGroupStore store;
    private final Clock clock;

    @Inject
    public DefaultGroups(SecurityGroupStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The account's or scope's own group, protected from deletion and renaming. */
    public static boolean isDefault(SecurityGroupEntity group) {
        return NAME.equals(group.getName());
    }

    public SecurityGroupEntity createForScope(Session session, NetworkScope scope) {
        Instant now = clock.instant();
        SecurityGroupEntity group =
                new SecurityGroupEntity(UUID.randomUUID(), scope.getAccount(), scope, NAME, EgressPolicy.EC2, now);
        group.setDescription("default VPC security group");
        store.persist(session, group);
        store.persist(
                session,
                SecurityGroupRuleEntity.toGroup(
                        UUID.randomUUID(), group, RuleDirection.INGRESS, EtherType.IPV4, "all", group, now));
        store.persist(session, allowAllEgress(group, now));
        return group;
    }

    public Optional<SecurityGroupEntity> ofScope(Session session, NetworkScope scope) {
        return store.findByName(session, scope.getAccount(), scope, NAME);
    }

    /** Deletes a scope's default group with its scope; nothing else may use it by then. */
    public void delete(Session session, SecurityGroupEntity group) {
        store.delete(session, group);
    }

    /** The account's unscoped default group, created now if it does not exist yet. */
    public Defaulted forAccount(Session session, Account account) {
        Optional<SecurityGroupEntity> existing = store.findByName(session, account, null, NAME);
        if (existing.isPresent()) {
            return new Defaulted(existing.get(), false);
        }
        SecurityGroupEntity group = new SecurityGroupEntity(
                UUID.randomUUID(), account, null, NAME, EgressPolicy.CLOUDSTACK, clock.instant());
        group.setDescription("Default Security Group");
        store.persist(session, group);
        return new Defaulted(group, true);
    }

    /** EC2's initial egress rule: all IPv4 traffic to anywhere, a real rule the tenant may revoke. */
    static SecurityGroupRuleEntity allowAllEgress(SecurityGroupEntity group, Instant now) {
        return SecurityGroupRuleEntity.toCidr(
                UUID.randomUUID(), group, RuleDirection.EGRESS, EtherType.IPV4, "all", "0.0.0.0/0", now);
    }

    /** A default group, and whether this call created it (and so must record the change). */
    public record Defaulted(SecurityGroupEntity group, boolean created) {
        public Defaulted {
            requireNonNull(group, "group is null");
        }
    }
}
