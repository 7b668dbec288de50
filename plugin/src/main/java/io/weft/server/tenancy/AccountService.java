package io.weft.server.tenancy;

import static io.weft.server.tenancy.TenancyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Accounts: root manages all, a domain admin those of its subtree. Deleting an account deletes its
 * users, and with {@code cleanup} what higher features keep for it ({@link AccountResources}).
 */
public final class AccountService {
    private final TenancyOperations operations;
    private final TenancyStore store;
    private final Authorizer authorizer;
    private final UserService users;
    private final List<AccountResources> resources;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    AccountService(
            TenancyOperations operations,
            TenancyStore store,
            Authorizer authorizer,
            UserService users,
            Set<AccountResources> resources,
            ChangeLog changes,
            Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.users = requireNonNull(users, "users is null");
        this.resources = List.copyOf(requireNonNull(resources, "resources is null"));
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Creates an account with its first user, as CloudStack's createAccount does. */
    public AccountView create(Caller caller, NewAccount request) {
        String name = checkName("account", request.effectiveName());
        UserService.checkUser(request.firstUser());
        authorizer.requireMayGrant(caller, request.role());
        return operations.write(session -> {
            Domain domain =
                    operations.domain(session, caller, request.domainId().orElse(caller.domainId()));
            authorizer.requireAdminOf(caller, domain);
            if (store.findAccountByName(session, domain, name).isPresent()) {
                throw new WeftException(
                        ErrorCode.DUPLICATE, "account " + name + " already exists in domain " + domain.getPath());
            }
            Account account = new Account(UUID.randomUUID(), domain, name, request.role(), clock.instant());
            store.persist(session, account);
            User user = users.newUser(session, account, request.firstUser());
            return view(account, List.of(user));
        });
    }

    public List<AccountView> list(Caller caller) {
        return operations.read(session -> store.listAccounts(session, Visibility.of(caller)).stream()
                .map(account -> view(account, store.usersOf(session, account)))
                .toList());
    }

    public AccountView get(Caller caller, UUID id) {
        return operations.read(session -> {
            Account account = operations.account(session, caller, id);
            return view(account, store.usersOf(session, account));
        });
    }

    /**
     * Deletes an account with its users. One that still owns networks, VMs, NICs or security groups is
     * refused (IN_USE) unless {@code cleanup}, which deletes them too and records the change.
     */
    public void delete(Caller caller, UUID id, boolean cleanup) {
        operations.write(session -> {
            Account account = operations.account(session, caller, id);
            authorizer.requireAdminOf(caller, account);
            if (account.getUuid().equals(caller.accountId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "an account cannot delete itself");
            }
            long owned = resources.stream()
                    .mapToLong(feature -> feature.countOwnedBy(session, account))
                    .sum();
            if (owned > 0 && !cleanup) {
                throw new WeftException(
                        ErrorCode.IN_USE,
                        "account " + account.getName() + " still owns " + owned
                                + " networks, VMs, NICs or security groups; delete them first or use cleanup");
            }
            deleteWithResources(session, account);
            return null;
        });
    }

    /**
     * Sets whether an account's users may act: {@code LOCKED} or {@code DISABLED} (CloudStack's
     * disableAccount with lock true or false) refuse their API keys, {@code ENABLED} lets them in again.
     * Its resources stay as they are. Nobody may change its own account's state, which could only lock
     * itself out.
     */
    public AccountView setState(Caller caller, UUID id, TenancyState state) {
        requireNonNull(state, "state is null");
        return operations.write(session -> {
            Account account = operations.administeredAccount(session, caller, id);
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
    public AccountView rename(Caller caller, UUID id, String newName) {
        String name = checkName("newname", newName);
        return operations.write(session -> {
            Account account = operations.administeredAccount(session, caller, id);
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

    /** Deletes the account, its users and everything higher features keep for it, in the caller's transaction. */
    void deleteWithResources(Session session, Account account) {
        Set<UUID> hosts = new LinkedHashSet<>();
        for (AccountResources feature : resources) {
            hosts.addAll(feature.deleteRowsPointingElsewhere(session, account));
        }
        for (AccountResources feature : resources) {
            feature.deleteRemainingRows(session, account);
        }
        // Too many entities to name one by one: the hosts that lost something are recorded, and the
        // dispatcher reloads the whole fleet. No host affected, nothing to send, no record.
        changes.append(session, Change.of(ChangeKind.FLEET, hosts, true));
        store.deleteAccount(session, account);
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
                users.stream().map(UserService::view).toList());
    }
}
