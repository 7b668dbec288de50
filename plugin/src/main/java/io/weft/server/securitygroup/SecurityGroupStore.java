package io.weft.server.securitygroup;

import io.weft.server.network.NetworkScope;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.QueryFilter;
import io.weft.server.tenancy.Visibility;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Reads and writes security groups, their rules and memberships inside the caller's transaction. */
public final class SecurityGroupStore {
    private static final String GROUPS = "from SecurityGroup g join fetch g.account a join fetch a.domain d";

    public Optional<SecurityGroupEntity> findByName(Session session, Account account, NetworkScope scope, String name) {
        return session.createSelectionQuery(
                        "from SecurityGroup where account = :account and scopeKey = :scope and name = :name",
                        SecurityGroupEntity.class)
                .setParameter("account", account)
                .setParameter("scope", scope == null ? "" : scope.getUuid().toString())
                .setParameter("name", name)
                .uniqueResultOptional();
    }

    public Paged<SecurityGroupEntity> list(Session session, Visibility visibility, GroupQuery query, Page page) {
        QueryFilter filter = new QueryFilter()
                .visible(visibility, "a", "d")
                .in("g.uuid", "ids", query.ids())
                .in("g.name", "names", query.names());
        query.keyword().ifPresent(word -> filter.containing("g.name", "keyword", word));
        query.accountId().ifPresent(id -> filter.where("a.uuid = :account", "account", id));
        query.scopeId().ifPresent(id -> filter.where("g.scope.uuid = :scope", "scope", id));
        if (query.unscoped()) {
            filter.where("g.scope is null");
        }
        query.nicId()
                .ifPresent(id -> filter.where(
                        "g.id in (select m.securityGroup.id from NicSecurityGroup m where m.nic.uuid = :nic)",
                        "nic",
                        id));
        query.vmId()
                .ifPresent(id -> filter.where(
                        "g.id in (select m.securityGroup.id from NicSecurityGroup m where m.nic.vm.uuid = :vm)",
                        "vm",
                        id));
        return filter.page(session, "select g", GROUPS, "g.name, g.uuid", SecurityGroupEntity.class, page);
    }

    public List<SecurityGroupRuleEntity> rulesOf(Session session, SecurityGroupEntity group) {
        return session.createSelectionQuery(
                        "from SecurityGroupRule r left join fetch r.remoteGroup rg left join fetch rg.account"
                                + " where r.securityGroup = :group order by r.created, r.id",
                        SecurityGroupRuleEntity.class)
                .setParameter("group", group)
                .getResultList();
    }

    public long countRules(Session session, SecurityGroupEntity group, RuleDirection direction) {
        return session.createSelectionQuery(
                        "select count(*) from SecurityGroupRule where securityGroup = :group and direction = :direction",
                        Long.class)
                .setParameter("group", group)
                .setParameter("direction", direction)
                .getSingleResult();
    }

    public List<SecurityGroupRuleEntity> findRules(Session session, Collection<UUID> ids) {
        return session.createSelectionQuery(
                        "from SecurityGroupRule r join fetch r.securityGroup g join fetch g.account where r.uuid in :ids",
                        SecurityGroupRuleEntity.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
    }

    /** The uuids of the NICs in the group, in order. */
    public List<UUID> memberNicsOf(Session session, SecurityGroupEntity group) {
        return session.createSelectionQuery(
                        "select m.nic.uuid from NicSecurityGroup m where m.securityGroup = :group order by m.nic.uuid",
                        UUID.class)
                .setParameter("group", group)
                .getResultList();
    }

    public List<UUID> vmsOf(Session session, SecurityGroupEntity group) {
        return session.createSelectionQuery(
                        "select distinct m.nic.vm.uuid from NicSecurityGroup m where m.securityGroup = :group"
                                + " and m.nic.vm is not null order by m.nic.vm.uuid",
                        UUID.class)
                .setParameter("group", group)
                .getResultList();
    }

    /** Other groups with a rule that names {@code group}. */
    public List<SecurityGroupEntity> referencingGroups(Session session, SecurityGroupEntity group) {
        return session.createSelectionQuery(
                        "select distinct r.securityGroup from SecurityGroupRule r where r.remoteGroup = :group"
                                + " and r.securityGroup <> :group",
                        SecurityGroupEntity.class)
                .setParameter("group", group)
                .getResultList();
    }

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    public void removeRules(Session session, Collection<SecurityGroupRuleEntity> rules) {
        rules.forEach(session::remove);
    }

    /** Deletes the group, its rules (those naming itself too), memberships and tags. */
    public void delete(Session session, SecurityGroupEntity group) {
        session.createMutationQuery(
                        "delete from SecurityGroupRule where securityGroup = :group or remoteGroup = :group")
                .setParameter("group", group)
                .executeUpdate();
        session.createMutationQuery("delete from NicSecurityGroup where securityGroup = :group")
                .setParameter("group", group)
                .executeUpdate();
        session.createMutationQuery("delete from ResourceTag where resourceType = :type and resourceUuid = :resource")
                .setParameter("type", TaggedType.SECURITY_GROUP.storedName())
                .setParameter("resource", group.getUuid())
                .executeUpdate();
        session.remove(group);
    }
}
