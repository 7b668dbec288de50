package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.NetworkScope;
import io.weft.server.network.ScopeGroups;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** The groups of a scope (EC2 VPC) as the network feature sees them: its default group and the rest. */
public final class ScopeDefaultGroups implements ScopeGroups {
    private final DefaultGroups defaults;

    @Inject
    public ScopeDefaultGroups(DefaultGroups defaults) {
        this.defaults = requireNonNull(defaults, "defaults is null");
    }

    @Override
    public UUID createDefault(Session session, NetworkScope scope) {
        return defaults.createForScope(session, scope).getUuid();
    }

    @Override
    public Optional<UUID> defaultOf(Session session, NetworkScope scope) {
        return defaults.ofScope(session, scope).map(SecurityGroupEntity::getUuid);
    }

    @Override
    public long othersIn(Session session, NetworkScope scope) {
        return session.createSelectionQuery(
                        "select count(*) from SecurityGroup where scope = :scope and name <> :default", Long.class)
                .setParameter("scope", scope)
                .setParameter("default", DefaultGroups.NAME)
                .getSingleResult();
    }

    @Override
    public Optional<UUID> deleteDefault(Session session, NetworkScope scope) {
        Optional<SecurityGroupEntity> group = defaults.ofScope(session, scope);
        group.ifPresent(defaultGroup -> defaults.delete(session, defaultGroup));
        return group.map(SecurityGroupEntity::getUuid);
    }
}
