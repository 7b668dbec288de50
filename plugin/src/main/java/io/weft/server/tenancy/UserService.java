package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.SecretCipher;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Users and their API keys. An admin manages the users of the accounts it administers; a user may
 * see itself and register or read its own keys. Secret keys are stored encrypted.
 */
public final class UserService {
    private final TenancyOperations operations;
    private final TenancyStore store;
    private final Authorizer authorizer;
    private final ApiKeys apiKeys;
    private final PasswordHasher passwords;
    private final SecretCipher cipher;
    private final List<UserReferences> references;
    private final Clock clock;

    @Inject
    UserService(
            TenancyOperations operations,
            TenancyStore store,
            Authorizer authorizer,
            ApiKeys apiKeys,
            PasswordHasher passwords,
            SecretCipher cipher,
            Set<UserReferences> references,
            Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.apiKeys = requireNonNull(apiKeys, "apiKeys is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.references = List.copyOf(requireNonNull(references, "references is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    public UserView create(Caller caller, UUID accountId, NewUser request) {
        checkUser(request);
        return operations.write(session -> {
            Account account = operations.account(session, caller, accountId);
            authorizer.requireAdminOf(caller, account);
            return view(newUser(session, account, request));
        });
    }

    public List<UserView> list(Caller caller) {
        return operations.read(session -> store.listUsers(session, Visibility.of(caller)).stream()
                .map(UserService::view)
                .toList());
    }

    public UserView get(Caller caller, UUID id) {
        return operations.read(session -> view(operations.user(session, caller, id)));
    }

    public void delete(Caller caller, UUID id) {
        operations.write(session -> {
            User user = operations.user(session, caller, id);
            authorizer.requireAdminOf(caller, user.getAccount());
            if (user.getUuid().equals(caller.userId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "a user cannot delete itself");
            }
            for (UserReferences feature : references) {
                feature.release(session, user);
            }
            store.deleteUser(session, user);
            return null;
        });
    }

    /**
     * Changes what {@code update} names (CloudStack updateUser); a user may update itself. A new
     * username must stay unique in the domain.
     */
    public UserView update(Caller caller, UUID id, UserUpdate update) {
        update.username().ifPresent(name -> TenancyOperations.checkName("username", name));
        return operations.write(session -> {
            User user = operations.user(session, caller, id);
            requireSelfOrAdmin(caller, user);
            Optional<String> rename = update.username().filter(name -> !name.equals(user.getUsername()));
            if (rename.isPresent()) {
                Domain domain = user.getAccount().getDomain();
                if (store.findUserByName(session, domain, rename.get()).isPresent()) {
                    throw new WeftException(
                            ErrorCode.DUPLICATE,
                            "user " + rename.get() + " already exists in domain " + domain.getPath());
                }
                user.setUsername(rename.get());
            }
            update.password().ifPresent(password -> user.setPasswordHash(passwords.hash(password)));
            user.setContact(
                    update.email().orElse(user.getEmail()),
                    update.firstName().orElse(user.getFirstName()),
                    update.lastName().orElse(user.getLastName()));
            return view(user);
        });
    }

    /**
     * Enables, disables or locks a user (admins of its account only, never oneself). A user that is
     * not enabled authenticates nobody: its keys answer as unknown keys do.
     */
    public UserView setState(Caller caller, UUID id, TenancyState state) {
        return operations.write(session -> {
            User user = operations.user(session, caller, id);
            authorizer.requireAdminOf(caller, user.getAccount());
            if (state != TenancyState.ENABLED && user.getUuid().equals(caller.userId())) {
                throw new WeftException(ErrorCode.PERMISSION_DENIED, "a user cannot " + verb(state) + " itself");
            }
            user.setState(state);
            return view(user);
        });
    }

    private static String verb(TenancyState state) {
        return state == TenancyState.LOCKED ? "lock" : "disable";
    }

    /** Gives the user a new key pair, replacing any old one; a user may do this for itself. */
    public UserKeys registerKeys(Caller caller, UUID userId) {
        return operations.write(session -> {
            User user = operations.user(session, caller, userId);
            requireSelfOrAdmin(caller, user);
            UserKeys keys = new UserKeys(apiKeys.newKey(), apiKeys.newKey());
            user.setKeys(keys.apiKey(), cipher.encrypt(keys.secretKey()));
            return keys;
        });
    }

    /** The user's current key pair; NOT_FOUND when none was registered. */
    public UserKeys getKeys(Caller caller, UUID userId) {
        return operations.read(session -> {
            User user = operations.user(session, caller, userId);
            requireSelfOrAdmin(caller, user);
            if (user.getApiKey() == null) {
                throw new WeftException(ErrorCode.NOT_FOUND, "user " + userId + " has no API keys");
            }
            return new UserKeys(user.getApiKey(), cipher.decrypt(user.getEncryptedSecretKey()));
        });
    }

    /** Creates a user of {@code account}, in the caller's transaction; usernames are unique per domain. */
    User newUser(Session session, Account account, NewUser request) {
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

    static void checkUser(NewUser user) {
        TenancyOperations.checkName("username", user.username());
        if (user.password().isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "password is required");
        }
    }

    private void requireSelfOrAdmin(Caller caller, User user) {
        if (!user.getUuid().equals(caller.userId())) {
            authorizer.requireAdminOf(caller, user.getAccount());
        }
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
                account.getDomain().getName(),
                Optional.ofNullable(user.getEmail()),
                Optional.ofNullable(user.getFirstName()),
                Optional.ofNullable(user.getLastName()),
                Optional.ofNullable(user.getApiKey()),
                user.getState(),
                user.getCreated());
    }
}
