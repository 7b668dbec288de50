package io.weft.server.tenancy;

import java.util.List;
import java.util.Optional;
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

    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    /**
     * Deletes the account with its users; its resources, job history included, must be gone already
     * (higher features delete them as {@link AccountResources}).
     */
    public void deleteAccount(Session session, Account account) {
        session.createMutationQuery("delete from User where account = :account")
                .setParameter("account", account)
                .executeUpdate();
        session.remove(account);
    }

    /** Deletes the user; higher features must have let go of it already ({@link UserReferences}). */
    public void deleteUser(Session session, User user) {
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
        return session.createSelectionQuery("from " + type.getName() + " where uuid = :uuid", type)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }

    private static long count(Session session, String hql, Object owner) {
        return session.createSelectionQuery(hql, Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }
}
