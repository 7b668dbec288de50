package io.weft.server.tenancy;

import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.Database;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh database with the tenancy services wired by hand, and a bootstrapped root admin. Passwords
 * are hashed with few iterations: the cost is not what these tests are about.
 */
public final class TenancyFixture implements AutoCloseable {
    public final TestDatabase testDatabase;
    public final Database database;
    public final SecretCipher cipher;
    public final Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    public final ApiKeys apiKeys = new ApiKeys(new SecureRandom());
    public final PasswordHasher passwords = new PasswordHasher(new SecureRandom(), 1_000);
    public final TenancyStore store = new TenancyStore();
    public final Authorizer authorizer = new Authorizer();
    public final TenancyService tenancy;
    public final Caller root;

    public TenancyFixture(DatabaseVendor vendor, Path dataDirectory) {
        testDatabase = TestDatabase.create(vendor);
        database = testDatabase.open();
        cipher = SecretCipher.loadOrCreate(dataDirectory.resolve("secret.key"));
        tenancy = new TenancyService(
                database.sessionFactory(), store, authorizer, apiKeys, passwords, cipher, new ChangeLog(clock), clock);
        root = bootstrap(BootstrapConfig.generated(dataDirectory)).run();
    }

    public TenancyBootstrap bootstrap(BootstrapConfig config) {
        return new TenancyBootstrap(database.sessionFactory(), store, apiKeys, passwords, cipher, clock, config);
    }

    public ApiKeyDirectory directory() {
        return new DatabaseApiKeyDirectory(database.sessionFactory(), store, cipher);
    }

    /** Creates an account of {@code role} in {@code domainId} and returns its first user as a caller. */
    public Caller account(Caller creator, UUID domainId, String name, Role role) {
        AccountView account = tenancy.createAccount(
                creator,
                new NewAccount(Optional.of(domainId), Optional.of(name), role, NewUser.of(name + "-user", "pw")));
        UserView user = account.users().get(0);
        return new Caller(user.id(), account.id(), account.domainId(), account.domainPath(), role);
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            testDatabase.close();
        }
    }
}
