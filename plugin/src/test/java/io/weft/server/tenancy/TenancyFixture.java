package io.weft.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.catalogue.CatalogueAccountResources;
import io.weft.server.compute.ComputeAccountResources;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.jobs.JobAccountResources;
import io.weft.server.jobs.JobUserReferences;
import io.weft.server.network.NetworkAccountResources;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.Database;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.persistence.TestDatabase;
import io.weft.server.securitygroup.SecurityGroupAccountResources;
import io.weft.server.tags.TagAccountResources;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

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
    public final DomainService domains;
    public final AccountService accounts;
    public final UserService users;
    public final Caller root;

    public TenancyFixture(DatabaseVendor vendor, Path dataDirectory) {
        testDatabase = TestDatabase.create(vendor);
        database = testDatabase.open();
        cipher = SecretCipher.loadOrCreate(dataDirectory.resolve("secret.key"));
        TenancyOperations operations = new TenancyOperations(database.sessionFactory(), store, authorizer);
        users = new UserService(
                operations, store, authorizer, apiKeys, passwords, cipher, Set.of(new JobUserReferences()), clock);
        accounts = new AccountService(
                operations, store, authorizer, users, accountResources(), new ChangeLog(clock), clock);
        domains = new DomainService(operations, store, authorizer, accounts, clock);
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
        AccountView account = accounts.create(
                creator,
                new NewAccount(Optional.of(domainId), Optional.of(name), role, NewUser.of(name + "-user", "pw")));
        UserView user = account.users().get(0);
        return new Caller(user.id(), account.id(), account.domainId(), account.domainPath(), role);
    }

    /** What the features above tenancy keep for an account, as the server binds them. */
    private static Set<AccountResources> accountResources() {
        return new LinkedHashSet<>(List.of(
                new NetworkAccountResources(),
                new SecurityGroupAccountResources(),
                new ComputeAccountResources(),
                new TagAccountResources(),
                new JobAccountResources(),
                new CatalogueAccountResources()));
    }

    /** Asserts that {@code call} fails with a {@link WeftException} of {@code code}. */
    public static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WeftException.class, e -> assertThat(e.code())
                .as(e.getMessage())
                .isEqualTo(code));
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
