package io.weft.server.tenancy;

import io.weft.server.network.model.AllowedAddressPair;
import io.weft.server.network.model.Network;
import io.weft.server.network.model.NetworkScope;
import io.weft.server.network.model.Nic;
import io.weft.server.network.model.NicSecurityGroup;
import io.weft.server.network.model.ResourceTag;
import io.weft.server.network.model.SecurityGroup;
import io.weft.server.network.model.SecurityGroupRule;
import io.weft.server.network.model.VirtualMachine;
import io.weft.server.persistence.AsyncJob;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Reads and writes domains, accounts and users inside the caller's transaction. No authorization
 * here: the service decides, the store filters by the {@link Visibility} it is handed.
 */
public final class TenancyStore {
    private static final String ROOT_PATH = Domain.ROOT_NAME + "/";

    public Optional<Domain> findDomain(Session session, UUID id) {
        return byUuid(session, Domain.class, id);
    }

    public Optional<Domain> findRootDomain(Session session) {
        return findDomainByPath(session, ROOT_PATH);
    }

    public Optional<Domain> findDomainByPath(Session session, String path) {
        return session.createSelectionQuery("from Domain where path = :path", Domain.class)
                .setParameter("path", path)
                .uniqueResultOptional();
    }

    public Optional<Account> findAccount(Session session, UUID id) {
        return byUuid(session, Account.class, id);
    }

    public Optional<Account> findAccountByName(Session session, Domain domain, String name) {
        return session.createSelectionQuery("from Account where domain = :domain and name = :name", Account.class)
                .setParameter("domain", domain)
                .setParameter("name", name)
                .uniqueResultOptional();
    }

    public Optional<User> findUser(Session session, UUID id) {
        return byUuid(session, User.class, id);
    }

    public Optional<User> findUserByName(Session session, Domain domain, String username) {
        return session.createSelectionQuery("from User where domain = :domain and username = :username", User.class)
                .setParameter("domain", domain)
                .setParameter("username", username)
                .uniqueResultOptional();
    }

    /** The user with this API key, with its account and domain loaded. */
    public Optional<User> findUserByApiKey(Session session, String apiKey) {
        return session.createSelectionQuery(
                        "from User u join fetch u.account a join fetch a.domain where u.apiKey = :apiKey", User.class)
                .setParameter("apiKey", apiKey)
                .uniqueResultOptional();
    }

    /** Domains a caller may see: its subtree (root: all), or for a user its own domain. */
    public List<Domain> listDomains(Session session, Visibility visibility, UUID ownDomainId) {
        if (visibility.accountId().isPresent()) {
            return findDomain(session, ownDomainId).stream().toList();
        }
        return visibility
                .domainPathPattern()
                .map(pattern -> session.createSelectionQuery(
                                "from Domain where path like :pattern escape '!' order by path", Domain.class)
                        .setParameter("pattern", pattern)
                        .getResultList())
                .orElseGet(() -> session.createSelectionQuery("from Domain order by path", Domain.class)
                        .getResultList());
    }

    /** Every domain in the subtree under {@code domain}, itself included, deepest first. */
    public List<Domain> subtree(Session session, Domain domain) {
        return session.createSelectionQuery(
                        "from Domain where path like :pattern escape '!' order by level desc, path", Domain.class)
                .setParameter(
                        "pattern",
                        new Visibility(Optional.of(domain.getPath()), Optional.empty())
                                .domainPathPattern()
                                .orElseThrow())
                .getResultList();
    }

    public List<Account> listAccounts(Session session, Visibility visibility) {
        return visible(
                        session,
                        "from Account a join fetch a.domain d",
                        "a",
                        visibility,
                        "order by d.path, a.name",
                        Account.class)
                .getResultList();
    }

    public List<Account> accountsIn(Session session, Domain domain) {
        return session.createSelectionQuery("from Account where domain = :domain order by name", Account.class)
                .setParameter("domain", domain)
                .getResultList();
    }

    public List<User> listUsers(Session session, Visibility visibility) {
        return visible(
                        session,
                        "from User u join fetch u.account a join fetch a.domain d",
                        "a",
                        visibility,
                        "order by d.path, a.name, u.username",
                        User.class)
                .getResultList();
    }

    public List<User> usersOf(Session session, Account account) {
        return session.createSelectionQuery("from User where account = :account order by username", User.class)
                .setParameter("account", account)
                .getResultList();
    }

    public long countChildDomains(Session session, Domain domain) {
        return count(session, "select count(*) from Domain where parent = :owner", domain);
    }

    public long countAccounts(Session session, Domain domain) {
        return count(session, "select count(*) from Account where domain = :owner", domain);
    }

    /** How many networks, scopes, VMs, NICs and security groups the account owns. */
    public long countOwnedResources(Session session, Account account) {
        long total = 0;
        for (Class<?> type :
                List.of(Network.class, NetworkScope.class, VirtualMachine.class, Nic.class, SecurityGroup.class)) {
            total +=
                    count(session, "select count(*) from " + type.getSimpleName() + " where account = :owner", account);
        }
        return total;
    }

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    /**
     * Deletes everything the account owns in the network model, and the rules of other accounts that
     * name its groups. Returns the uuids of the hosts whose NICs lost rules, ports or group members,
     * which the caller reports in a change record.
     */
    public Set<UUID> deleteOwnedResources(Session session, Account account) {
        List<Long> groups = ids(session, "select g.id from SecurityGroup g where g.account = :account", account);
        List<Long> nics = ids(
                session, "select n.id from Nic n where n.account = :account or n.network.account = :account", account);
        Set<UUID> hosts = new LinkedHashSet<>();
        if (!nics.isEmpty()) {
            hosts.addAll(session.createSelectionQuery(
                            "select distinct n.host.uuid from Nic n where n.id in :nics and n.host is not null",
                            UUID.class)
                    .setParameter("nics", nics)
                    .getResultList());
        }
        if (!groups.isEmpty()) {
            // Other tenants' NICs whose groups have rules naming one of these groups lose those rules.
            hosts.addAll(session.createSelectionQuery(
                            "select distinct m.nic.host.uuid from NicSecurityGroup m where m.nic.host is not null and"
                                    + " m.securityGroup.id in (select r.securityGroup.id from SecurityGroupRule r"
                                    + " where r.remoteGroup.id in :groups)",
                            UUID.class)
                    .setParameter("groups", groups)
                    .getResultList());
            deleteWhere(session, SecurityGroupRule.class, "securityGroup.id in :ids or remoteGroup.id in :ids", groups);
            deleteWhere(session, NicSecurityGroup.class, "securityGroup.id in :ids", groups);
        }
        if (!nics.isEmpty()) {
            deleteWhere(session, NicSecurityGroup.class, "nic.id in :ids", nics);
            deleteWhere(session, AllowedAddressPair.class, "nic.id in :ids", nics);
            deleteWhere(session, Nic.class, "id in :ids", nics);
        }
        for (Class<?> type : List.of(
                VirtualMachine.class, SecurityGroup.class, Network.class, NetworkScope.class, ResourceTag.class)) {
            session.createMutationQuery("delete from " + type.getSimpleName() + " where account = :account")
                    .setParameter("account", account)
                    .executeUpdate();
        }
        return hosts;
    }

    /** Deletes the account with its users and job history; its resources must be gone already. */
    public void deleteAccount(Session session, Account account) {
        for (Class<?> type : List.of(AsyncJob.class, User.class)) {
            session.createMutationQuery("delete from " + type.getSimpleName() + " where account = :account")
                    .setParameter("account", account)
                    .executeUpdate();
        }
        session.remove(account);
    }

    public void deleteUser(Session session, User user) {
        session.createMutationQuery("update AsyncJob set user = null where user = :user")
                .setParameter("user", user)
                .executeUpdate();
        session.remove(user);
    }

    public void deleteDomain(Session session, Domain domain) {
        session.remove(domain);
    }

    private static <T> SelectionQuery<T> visible(
            Session session, String from, String account, Visibility visibility, String orderBy, Class<T> type) {
        StringBuilder hql = new StringBuilder(from).append(" where 1 = 1");
        visibility.domainPathPattern().ifPresent(p -> hql.append(" and d.path like :pattern escape '!'"));
        visibility
                .accountId()
                .ifPresent(p -> hql.append(" and ").append(account).append(".uuid = :accountId"));
        SelectionQuery<T> query = session.createSelectionQuery(hql + " " + orderBy, type);
        visibility.domainPathPattern().ifPresent(p -> query.setParameter("pattern", p));
        visibility.accountId().ifPresent(p -> query.setParameter("accountId", p));
        return query;
    }

    private static <T> Optional<T> byUuid(Session session, Class<T> type, UUID id) {
        return session.createSelectionQuery("from " + type.getSimpleName() + " where uuid = :uuid", type)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }

    private static long count(Session session, String hql, Object owner) {
        return session.createSelectionQuery(hql, Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }

    private static List<Long> ids(Session session, String hql, Account account) {
        return session.createSelectionQuery(hql, Long.class)
                .setParameter("account", account)
                .getResultList();
    }

    private static void deleteWhere(Session session, Class<?> type, String condition, List<Long> ids) {
        session.createMutationQuery("delete from " + type.getSimpleName() + " where " + condition)
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
