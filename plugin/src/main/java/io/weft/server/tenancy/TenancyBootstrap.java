package io.weft.server.tenancy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.SecretCipher;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the ROOT domain, the {@code admin} root-admin account and its {@code admin} user exist.
 * On the first start the admin gets configured keys or generated ones, and generated ones are written
 * to {@code admin.credentials} (owner-only). Later starts change nothing, except to adopt keys that
 * the configuration now names: keys are never regenerated.
 */
public final class TenancyBootstrap {
    public static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(TenancyBootstrap.class);

    private final SessionFactory sessions;
    private final TenancyStore store;
    private final ApiKeys apiKeys;
    private final PasswordHasher passwords;
    private final SecretCipher cipher;
    private final Clock clock;
    private final BootstrapConfig config;

    @Inject
    public TenancyBootstrap(
            SessionFactory sessions,
            TenancyStore store,
            ApiKeys apiKeys,
            PasswordHasher passwords,
            SecretCipher cipher,
            Clock clock,
            BootstrapConfig config) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.apiKeys = requireNonNull(apiKeys, "apiKeys is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Runs once per start, before the APIs accept requests; returns the admin's caller identity. */
    public Caller run() {
        Outcome outcome = sessions.fromTransaction(this::ensureAdmin);
        Optional<UserKeys> generated = outcome.generatedKeys();
        Path file = config.credentialsFile();
        if (generated.isPresent()) {
            writeCredentials(file, generated.get());
            log.info("root admin created; its API keys are in {}", file.toAbsolutePath());
        } else if (config.adminApiKey().isEmpty() && !Files.exists(file)) {
            log.warn(
                    "{} is missing but the admin user exists: its keys are unchanged (use getUserKeys or"
                            + " registerUserKeys as root to recover them)",
                    file.toAbsolutePath());
        }
        return outcome.caller();
    }

    private record Outcome(Caller caller, Optional<UserKeys> generatedKeys) {}

    private Outcome ensureAdmin(Session session) {
        Domain root = store.findRootDomain(session).orElseGet(() -> {
            Domain created = Domain.root(UUID.randomUUID(), clock.instant());
            store.persist(session, created);
            return created;
        });
        Account account = store.findAccountByName(session, root, ADMIN).orElseGet(() -> {
            Account created = new Account(UUID.randomUUID(), root, ADMIN, Role.ROOT_ADMIN, clock.instant());
            store.persist(session, created);
            return created;
        });
        Optional<User> existing = store.findUserByName(session, root, ADMIN);
        User user = existing.orElseGet(() -> {
            // Nobody knows this password: the admin signs requests with its keys, as CloudStack clients do.
            User created =
                    new User(UUID.randomUUID(), account, ADMIN, passwords.hash(apiKeys.newKey()), clock.instant());
            store.persist(session, created);
            return created;
        });
        Optional<UserKeys> generated = Optional.empty();
        if (config.adminApiKey().isPresent()) {
            UserKeys configured = new UserKeys(
                    config.adminApiKey().get(), config.adminSecretKey().orElseThrow());
            if (!configured.apiKey().equals(user.getApiKey())
                    || !configured.secretKey().equals(decryptedSecret(user))) {
                user.setKeys(configured.apiKey(), cipher.encrypt(configured.secretKey()));
                log.info("admin API keys set from the configuration");
            }
        } else if (user.getApiKey() == null) {
            UserKeys keys = new UserKeys(apiKeys.newKey(), apiKeys.newKey());
            user.setKeys(keys.apiKey(), cipher.encrypt(keys.secretKey()));
            generated = Optional.of(keys);
        }
        session.flush();
        return new Outcome(DatabaseApiKeyDirectory.callerOf(user), generated);
    }

    private String decryptedSecret(User user) {
        return user.getEncryptedSecretKey() == null ? null : cipher.decrypt(user.getEncryptedSecretKey());
    }

    private static void writeCredentials(Path file, UserKeys keys) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".admin", ".tmp");
            try {
                SecretCipher.restrictToOwner(temporary);
                Files.writeString(
                        temporary, "apiKey=" + keys.apiKey() + "\nsecretKey=" + keys.secretKey() + "\n", UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new WeftException(ErrorCode.INTERNAL, "cannot write the admin credentials to " + file, e);
        }
    }
}
