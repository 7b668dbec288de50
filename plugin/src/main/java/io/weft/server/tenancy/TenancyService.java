package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Domains, accounts, users and their API keys. Every method runs in one transaction and authorizes the
 * caller first: root manages everything, a domain admin its domain subtree, a user only its own keys.
 */
public final class TenancyService {
    private static final int MAX_NAME_LENGTH = 255;

    private final SessionFactory sessions;
    private final TenancyStore store;
    private final Authorizer authorizer;
    private final ApiKeys apiKeys;
    private final PasswordHasher passwords;
    private final SecretCipher cipher;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    public TenancyService(
            SessionFactory sessions,
            TenancyStore store,
            Authorizer authorizer,
            ApiKeys apiKeys,
            PasswordHasher passwords,
            SecretCipher cipher,
            ChangeLog changes,
            Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.apiKeys = requireNonNull(apiKeys, "apiKeys is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    // Domains -------------------------------------------------------------------------------------

    /** Creates a domain under {@code parentId}, or under the caller's own domain when empty. */
    public DomainView createDomain(Caller caller, String name, Optional<UUID> parentId) {
        String checkedName = checkName("name", name);
        if (checkedName.contains("/")) {
            throw WeftException.invalid("a domain name may not contain '/'");
        }
        return sessions.fromTransaction(session -> {
            Domain parent = domain(session, caller, parentId.orElse(caller.domainId()));
            authorizer.requireAdminOf(caller, parent);
            Domain domain = Domain.child(UUID.randomUUID(), parent, checkedName, clock.instant());
            if (store.findDomainByPath(session, domain.getPath()).isPresent()) {
                throw new WeftException(
                        ErrorCode.DUPLICATE, "domain " + checkedName + " already exists under " + parent.getPath());
            }
            store.persist(session, domain);
            return view(domain, false);
        });
    }

    public List<DomainView> listDomains(Caller caller) {
        return sessions.fromTransaction(
                session -> store.listDomains(session, Visibility.of(caller), caller.domainId()).stream()
                        .map(domain -> view(domain, store.countChildDomains(session, domain) > 0))
                        .toList());
    }

    public DomainView getDomain(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> {
            Domain domain = domain(session, caller, id);
            return view(domain, store.countChildDomains(session, domain) > 0);
        });
    }

    /**
     * Deletes a domain. One that still has subdomains or accounts is refused (IN_USE) unless {@code
     * cleanup}, which deletes the whole subtree with its accounts and their resources.
     */
    public void deleteDomain(Caller caller, UUID id, boolean cleanup) {
        sessions.inTransaction(session -> {
            Domain domain = domain(session, caller, id);
            authorizer.requireAdminOf(caller, domain);
            if (domain.isRoot() || domain.getUuid().equals(caller.domainId())) {
                throw new WeftException(
                        ErrorCode.PERMISSION_DENIED, "the ROOT domain and one's own domain cannot be deleted");
            }
            if (!cleanup) {
                long children = store.countChildDomains(session, domain);
                long accounts = store.countAccounts(session, domain);
                if (children > 0 || accounts > 0) {
                    throw new WeftException(
                            ErrorCode.IN_USE,
                            "domain " + domain.getPath() + " still has " + children + " subdomains and " + accounts
                                    + " accounts; delete them first or use cleanup");
                }
            }
            for (Domain member : store.subtree(session, domain)) {
                for (Account account : store.accountsIn(session, member)) {
                    deleteAccountAndResources(session, account);
                }
                store.deleteDomain(session, member);
                // Deepest first: flush so that a child row is gone before its parent's.
                session.flush();
            }
        });
    }

    // Accounts ------------------------------------------------------------------------------------

    /** Creates an account with its first user, as CloudStack's createAccount does. */
    public AccountView createAccount(Caller caller, NewAccount request) {
        String name = checkName("account", request.effectiveName());
        checkUser(request.firstUser());
        authorizer.requireMayGrant(caller, request.role());
        return sessions.fromTransaction(session -> {
            Domain domain = domain(session, caller, request.domainId().orElse(caller.domainId()));
            authorizer.requireAdminOf(caller, domain);
            if (store.findAccountByName(session, domain, name).isPresent()) {
                throw new WeftException(
                        ErrorCode.DUPLICATE, "account " + name + " already exists in domain " + domain.getPath());
            }
            Account account = new Account(UUID.randomUUID(), domain, name, request.role(), clock.instant());
            store.persist(session, account);
            User user = newUser(session, account, request.firstUser());
            return view(account, List.of(user));
        });
    }

    public List<AccountView> listAccounts(Caller caller) {
        return sessions.fromTransaction(session -> store.listAccounts(session, Visibility.of(caller)).stream()
                .map(account -> view(account, store.usersOf(session, account)))
                .toList());
    }

    public AccountView getAccount(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> {
            Account account = account(session, caller, id);
            return view(account, store.usersOf(session, account));
        });
    }

    /**
     * Deletes an account with its users. One that still owns networks, VMs, NICs or security groups is
     * refused (IN_USE) unless {@code cleanup}, which deletes them too and records the change.
     */
    public void deleteAccount(Caller caller, UUID id, boolean cleanup) {
        sessions.inTransaction(session -> {
            Account account = account(session, caller, id);
            authorizer.requireAdminOf(caller, account);
            if (account.getUuid().equals(caller.accountId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "an account cannot delete itself");
            }
            long owned = store.countOwnedResources(session, account);
            if (owned > 0 && !cleanup) {
                throw new WeftException(
                        ErrorCode.IN_USE,
                        "account " + account.getName() + " still owns " + owned
                                + " networks, VMs, NICs or security groups; delete them first or use cleanup");
            }
            deleteAccountAndResources(session, account);
        });
    }

    /**
     * Sets whether an account's users may act: {@code LOCKED} or {@code DISABLED} (CloudStack's
     * disableAccount with lock true or false) refuse their API keys, {@code ENABLED} lets them in again.
     * Its resources stay as they are. Nobody may change its own account's state, which could only lock
     * itself out.
     */
    public AccountView setAccountState(Caller caller, UUID id, TenancyState state) {
        requireNonNull(state, "state is null");
        return sessions.fromTransaction(session -> {
            Account account = administeredAccount(session, caller, id);
            if (account.getUuid().equals(caller.accountId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "an account cannot change its own state");
            }
            account.setState(state);
            return view(account, store.usersOf(session, account));
        });
    }

    /**
     * Renames an account. Names compare ignoring case, as CloudStack's MySQL and the {@code
     * account}/{@code domainid} lookups of the API edge compare them, so no rename makes two names ambiguous.
     */
    public AccountView renameAccount(Caller caller, UUID id, String newName) {
        String name = checkName("newname", newName);
        return sessions.fromTransaction(session -> {
            Account account = administeredAccount(session, caller, id);
            Domain domain = account.getDomain();
            boolean taken = store.accountsIn(session, domain).stream()
                    .anyMatch(other -> !other.getUuid().equals(account.getUuid())
                            && other.getName().equalsIgnoreCase(name));
            if (taken) {
                throw new WeftException(
                        ErrorCode.DUPLICATE, "account " + name + " already exists in domain " + domain.getPath());
            }
            account.setName(name);
            return view(account, store.usersOf(session, account));
        });
    }

    private void deleteAccountAndResources(Session session, Account account) {
        Set<UUID> hosts = store.deleteOwnedResources(session, account);
        // Too many entities to name one by one: the hosts that lost something are recorded, and the
        // dispatcher reloads the whole fleet. No host affected, nothing to send, no record.
        changes.append(session, Change.of(ChangeKind.FLEET, hosts, true));
        store.deleteAccount(session, account);
    }

    // Users ---------------------------------------------------------------------------------------

    public UserView createUser(Caller caller, UUID accountId, NewUser request) {
        checkUser(request);
        return sessions.fromTransaction(session -> {
            Account account = account(session, caller, accountId);
            authorizer.requireAdminOf(caller, account);
            return view(newUser(session, account, request));
        });
    }

    public List<UserView> listUsers(Caller caller) {
        return sessions.fromTransaction(session -> store.listUsers(session, Visibility.of(caller)).stream()
                .map(TenancyService::view)
                .toList());
    }

    public UserView getUser(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> view(user(session, caller, id)));
    }

    public void deleteUser(Caller caller, UUID id) {
        sessions.inTransaction(session -> {
            User user = user(session, caller, id);
            authorizer.requireAdminOf(caller, user.getAccount());
            if (user.getUuid().equals(caller.userId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "a user cannot delete itself");
            }
            store.deleteUser(session, user);
        });
    }

    /** Gives the user a new key pair, replacing any old one; a user may do this for itself. */
    public UserKeys registerUserKeys(Caller caller, UUID userId) {
        return sessions.fromTransaction(session -> {
            User user = user(session, caller, userId);
            requireSelfOrAdmin(caller, user);
            UserKeys keys = new UserKeys(apiKeys.newKey(), apiKeys.newKey());
            user.setKeys(keys.apiKey(), cipher.encrypt(keys.secretKey()));
            return keys;
        });
    }

    /** The user's current key pair; NOT_FOUND when none was registered. */
    public UserKeys getUserKeys(Caller caller, UUID userId) {
        return sessions.fromTransaction(session -> {
            User user = user(session, caller, userId);
            requireSelfOrAdmin(caller, user);
            if (user.getApiKey() == null) {
                throw new WeftException(ErrorCode.NOT_FOUND, "user " + userId + " has no API keys");
            }
            return new UserKeys(user.getApiKey(), cipher.decrypt(user.getEncryptedSecretKey()));
        });
    }

    private void requireSelfOrAdmin(Caller caller, User user) {
        if (!user.getUuid().equals(caller.userId())) {
            authorizer.requireAdminOf(caller, user.getAccount());
        }
    }

    private User newUser(Session session, Account account, NewUser request) {
        if (store.findUserByName(session, account.getDomain(), request.username())
                .isPresent()) {
            throw new WeftException(
                    ErrorCode.DUPLICATE,
                    "user " + request.username() + " already exists in domain "
                            + account.getDomain().getPath());
        }
        User user = new User(
                UUID.randomUUID(), account, request.username(), passwords.hash(request.password()), clock.instant());
        user.setContact(
                request.email().orElse(null),
                request.firstName().orElse(null),
                request.lastName().orElse(null));
        store.persist(session, user);
        return user;
    }

    // Lookups that hide what the caller may not see -------------------------------------------------

    private Domain domain(Session session, Caller caller, UUID id) {
        Domain domain = store.findDomain(session, id).orElseThrow(() -> WeftException.notFound("domain", id));
        authorizer.requireVisible(caller, domain);
        return domain;
    }

    private Account account(Session session, Caller caller, UUID id) {
        Account account = store.findAccount(session, id).orElseThrow(() -> WeftException.notFound("account", id));
        authorizer.requireVisible(caller, account, "account", id);
        return account;
    }

    /** An account the caller administers; a root admin account only root may change. */
    private Account administeredAccount(Session session, Caller caller, UUID id) {
        Account account = account(session, caller, id);
        authorizer.requireAdminOf(caller, account);
        if (account.getRole() == Role.ROOT_ADMIN) {
            authorizer.requireRootAdmin(caller);
        }
        return account;
    }

    private User user(Session session, Caller caller, UUID id) {
        User user = store.findUser(session, id).orElseThrow(() -> WeftException.notFound("user", id));
        authorizer.requireVisible(caller, user.getAccount(), "user", id);
        return user;
    }

    private static String checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, what + " is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw WeftException.invalid(what + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static void checkUser(NewUser user) {
        checkName("username", user.username());
        if (user.password().isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "password is required");
        }
    }

    // Views ---------------------------------------------------------------------------------------

    private static DomainView view(Domain domain, boolean hasChild) {
        return new DomainView(
                domain.getUuid(),
                domain.getName(),
                Optional.ofNullable(domain.getParent()).map(Domain::getUuid),
                domain.getPath(),
                domain.getLevel(),
                hasChild,
                domain.getState());
    }

    private static AccountView view(Account account, List<User> users) {
        Domain domain = account.getDomain();
        return new AccountView(
                account.getUuid(),
                account.getName(),
                account.getRole(),
                domain.getUuid(),
                domain.getName(),
                domain.getPath(),
                account.getState(),
                users.stream().map(TenancyService::view).toList());
    }

    static UserView view(User user) {
        Account account = user.getAccount();
        return new UserView(
                user.getUuid(),
                user.getUsername(),
                account.getUuid(),
                account.getName(),
                account.getRole(),
                account.getDomain().getUuid(),
                Optional.ofNullable(user.getEmail()),
                Optional.ofNullable(user.getFirstName()),
                Optional.ofNullable(user.getLastName()),
                Optional.ofNullable(user.getApiKey()),
                user.getState(),
                user.getCreated());
    }
}
