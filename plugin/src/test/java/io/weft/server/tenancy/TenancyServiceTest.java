package io.weft.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.model.EgressPolicy;
import io.weft.server.network.model.SecurityGroup;
import io.weft.server.persistence.ChangeRecord;
import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who sees and changes what: users their account, domain admins their subtree, root everything. */
class TenancyServiceTest {
    @TempDir
    Path dataDirectory;

    TenancyFixture fixture;
    TenancyService tenancy;
    DomainView sales;
    DomainView salesEast;
    DomainView ops;
    Caller alice;
    Caller bob;
    Caller salesAdmin;
    Caller carol;

    @BeforeEach
    void createTenants() {
        fixture = new TenancyFixture(DatabaseVendor.H2, dataDirectory);
        tenancy = fixture.tenancy;
        Caller root = fixture.root;
        sales = tenancy.createDomain(root, "sales", Optional.empty());
        salesEast = tenancy.createDomain(root, "east", Optional.of(sales.id()));
        ops = tenancy.createDomain(root, "ops", Optional.empty());
        alice = fixture.account(root, sales.id(), "alice", Role.USER);
        bob = fixture.account(root, ops.id(), "bob", Role.USER);
        salesAdmin = fixture.account(root, sales.id(), "sales-admin", Role.DOMAIN_ADMIN);
        carol = fixture.account(salesAdmin, salesEast.id(), "carol", Role.USER);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aUserSeesOnlyItsOwnAccountAndUsers() {
        assertThat(tenancy.listAccounts(alice)).extracting(AccountView::name).containsExactly("alice");
        assertThat(tenancy.listUsers(alice)).extracting(UserView::username).containsExactly("alice-user");
        assertThat(tenancy.listDomains(alice)).extracting(DomainView::path).containsExactly("ROOT/sales/");
        assertCode(() -> tenancy.getAccount(alice, bob.accountId()), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.getUser(alice, bob.userId()), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.getDomain(alice, ops.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void aUserCannotChangeAnotherAccountAndMayNotAdministerItsOwn() {
        // Invisible: NOT_FOUND, so that another tenant's ids leak nothing.
        assertCode(() -> tenancy.deleteAccount(alice, bob.accountId(), true), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.createUser(alice, bob.accountId(), NewUser.of("x", "pw")), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.registerUserKeys(alice, bob.userId()), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.deleteUser(alice, bob.userId()), ErrorCode.NOT_FOUND);
        // Visible but not allowed: PERMISSION_DENIED.
        assertCode(
                () -> tenancy.createUser(alice, alice.accountId(), NewUser.of("x", "pw")), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> tenancy.createDomain(alice, "mine", Optional.empty()), ErrorCode.PERMISSION_DENIED);
        // Its own keys it may manage.
        UserKeys keys = tenancy.registerUserKeys(alice, alice.userId());
        assertThat(tenancy.getUserKeys(alice, alice.userId())).isEqualTo(keys);
    }

    @Test
    void aDomainAdminManagesItsSubtreeAndNothingElse() {
        assertThat(tenancy.listAccounts(salesAdmin))
                .extracting(AccountView::name)
                .containsExactlyInAnyOrder("alice", "sales-admin", "carol");
        assertThat(tenancy.listDomains(salesAdmin))
                .extracting(DomainView::path)
                .containsExactly("ROOT/sales/", "ROOT/sales/east/");
        assertCode(() -> tenancy.getAccount(salesAdmin, bob.accountId()), ErrorCode.NOT_FOUND);
        assertCode(
                () -> tenancy.createAccount(
                        salesAdmin,
                        new NewAccount(Optional.of(ops.id()), Optional.empty(), Role.USER, NewUser.of("x", "pw"))),
                ErrorCode.NOT_FOUND);
        assertCode(
                () -> tenancy.createAccount(
                        salesAdmin,
                        new NewAccount(Optional.empty(), Optional.empty(), Role.ROOT_ADMIN, NewUser.of("x", "pw"))),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> tenancy.deleteDomain(salesAdmin, sales.id(), true), ErrorCode.PERMISSION_DENIED);

        UserView dave = tenancy.createUser(salesAdmin, carol.accountId(), NewUser.of("dave", "pw"));
        assertThat(tenancy.registerUserKeys(salesAdmin, dave.id()).apiKey()).hasSize(86);
        tenancy.deleteUser(salesAdmin, dave.id());
        assertCode(() -> tenancy.getUser(salesAdmin, dave.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void aDomainPathPrefixIsMatchedLiterallyNotAsAPattern() {
        DomainView underscored = tenancy.createDomain(fixture.root, "a_b", Optional.empty());
        DomainView lookalike = tenancy.createDomain(fixture.root, "axb", Optional.empty());
        Caller admin = fixture.account(fixture.root, underscored.id(), "ab-admin", Role.DOMAIN_ADMIN);
        fixture.account(fixture.root, lookalike.id(), "axb-user", Role.USER);
        assertThat(tenancy.listAccounts(admin)).extracting(AccountView::name).containsExactly("ab-admin");
    }

    @Test
    void rootSeesAndChangesEverything() {
        assertThat(tenancy.listAccounts(fixture.root))
                .extracting(AccountView::name)
                .containsExactlyInAnyOrder("admin", "alice", "bob", "sales-admin", "carol");
        assertThat(tenancy.listDomains(fixture.root)).hasSize(4);
        tenancy.deleteAccount(fixture.root, bob.accountId(), false);
        assertCode(() -> tenancy.getAccount(fixture.root, bob.accountId()), ErrorCode.NOT_FOUND);
    }

    @Test
    void namesAreUniqueWhereCloudStackSaysSo() {
        assertCode(() -> tenancy.createDomain(fixture.root, "sales", Optional.empty()), ErrorCode.DUPLICATE);
        assertCode(() -> fixture.account(fixture.root, sales.id(), "alice", Role.USER), ErrorCode.DUPLICATE);
        assertCode(
                () -> tenancy.createUser(fixture.root, salesAdmin.accountId(), NewUser.of("alice-user", "pw")),
                ErrorCode.DUPLICATE);
        // The same account name in another domain is another account.
        fixture.account(fixture.root, ops.id(), "alice", Role.USER);
    }

    @Test
    void deletingANonEmptyDomainIsRefusedUnlessCleanup() {
        assertCode(() -> tenancy.deleteDomain(fixture.root, sales.id(), false), ErrorCode.IN_USE);
        tenancy.deleteDomain(fixture.root, sales.id(), true);
        assertCode(() -> tenancy.getDomain(fixture.root, salesEast.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> tenancy.getAccount(fixture.root, carol.accountId()), ErrorCode.NOT_FOUND);
        assertThat(tenancy.listAccounts(fixture.root))
                .extracting(AccountView::name)
                .containsExactlyInAnyOrder("admin", "bob");
    }

    @Test
    void deletingAnAccountThatOwnsResourcesIsRefusedUnlessCleanup() {
        fixture.database.sessionFactory().inTransaction(session -> {
            Account owner = fixture.store.findAccount(session, bob.accountId()).orElseThrow();
            session.persist(new SecurityGroup(
                    UUID.randomUUID(), owner, null, "default", EgressPolicy.CLOUDSTACK, fixture.clock.instant()));
        });
        assertCode(() -> tenancy.deleteAccount(fixture.root, bob.accountId(), false), ErrorCode.IN_USE);
        tenancy.deleteAccount(fixture.root, bob.accountId(), true);
        long groups = fixture.database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from SecurityGroup", Long.class)
                .getSingleResult());
        assertThat(groups).isZero();
    }

    @Test
    void anAccountCannotDeleteItself() {
        assertCode(() -> tenancy.deleteAccount(salesAdmin, salesAdmin.accountId(), true), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void registeredKeysAuthenticateTheirUserAndTheSecretIsNotStoredInPlain() throws Exception {
        UserKeys keys = tenancy.registerUserKeys(fixture.root, alice.userId());
        assertThat(keys.apiKey()).hasSize(86).matches("[A-Za-z0-9_-]+");
        assertThat(keys.secretKey()).hasSize(86).isNotEqualTo(keys.apiKey());

        ApiCredentials credentials =
                fixture.directory().findByApiKey(keys.apiKey()).orElseThrow();
        assertThat(credentials.secretKey()).isEqualTo(keys.secretKey());
        assertThat(credentials.caller()).isEqualTo(alice);
        assertThat(fixture.directory().findByApiKey("unknown")).isEmpty();

        // Every value in the database, as H2 dumps it.
        try (Connection connection = fixture.testDatabase.connection();
                ResultSet dump = connection.createStatement().executeQuery("SCRIPT")) {
            StringBuilder all = new StringBuilder();
            while (dump.next()) {
                all.append(dump.getString(1)).append('\n');
            }
            assertThat(all.toString()).contains(keys.apiKey()).doesNotContain(keys.secretKey());
        }
    }

    @Test
    void aDisabledUserAuthenticatesNobody() {
        UserKeys keys = tenancy.registerUserKeys(fixture.root, bob.userId());
        fixture.database.sessionFactory().inTransaction(session -> fixture.store
                .findUser(session, bob.userId())
                .orElseThrow()
                .setState(TenancyState.DISABLED));
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
    }

    @Test
    void aLockedOrDisabledAccountsKeysAuthenticateNobodyUntilItIsEnabled() throws Exception {
        UserKeys keys = tenancy.registerUserKeys(fixture.root, alice.userId());

        AccountView locked = tenancy.setAccountState(fixture.root, alice.accountId(), TenancyState.LOCKED);
        assertThat(locked.state()).isEqualTo(TenancyState.LOCKED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
        assertThat(storedState(alice.accountId())).isEqualTo("LOCKED");

        tenancy.setAccountState(salesAdmin, alice.accountId(), TenancyState.ENABLED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isPresent();

        tenancy.setAccountState(salesAdmin, alice.accountId(), TenancyState.DISABLED);
        assertThat(tenancy.getAccount(fixture.root, alice.accountId()).state()).isEqualTo(TenancyState.DISABLED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
        assertThat(storedState(alice.accountId())).isEqualTo("DISABLED");
    }

    @Test
    void onlyAdminsOfAnAccountsDomainMayChangeItsStateOrNameAndNeverTheirOwnState() {
        // Invisible: NOT_FOUND; visible but not administered: PERMISSION_DENIED.
        assertCode(() -> tenancy.setAccountState(alice, bob.accountId(), TenancyState.LOCKED), ErrorCode.NOT_FOUND);
        assertCode(
                () -> tenancy.setAccountState(alice, alice.accountId(), TenancyState.LOCKED),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> tenancy.renameAccount(alice, alice.accountId(), "alicia"), ErrorCode.PERMISSION_DENIED);
        assertCode(
                () -> tenancy.setAccountState(salesAdmin, bob.accountId(), TenancyState.LOCKED), ErrorCode.NOT_FOUND);
        assertCode(
                () -> tenancy.setAccountState(salesAdmin, salesAdmin.accountId(), TenancyState.LOCKED),
                ErrorCode.PERMISSION_DENIED);
        // A domain admin of ROOT sees the root admin's account but may not stop or rename it.
        Caller rootDomainAdmin = fixture.account(fixture.root, fixture.root.domainId(), "ops-lead", Role.DOMAIN_ADMIN);
        assertCode(
                () -> tenancy.setAccountState(rootDomainAdmin, fixture.root.accountId(), TenancyState.LOCKED),
                ErrorCode.PERMISSION_DENIED);
        assertCode(
                () -> tenancy.renameAccount(rootDomainAdmin, fixture.root.accountId(), "x"),
                ErrorCode.PERMISSION_DENIED);
        assertThat(tenancy.getAccount(fixture.root, fixture.root.accountId()).state())
                .isEqualTo(TenancyState.ENABLED);
        // Its subtree it may.
        assertThat(tenancy.setAccountState(salesAdmin, carol.accountId(), TenancyState.LOCKED)
                        .state())
                .isEqualTo(TenancyState.LOCKED);
        assertThat(tenancy.renameAccount(salesAdmin, carol.accountId(), "caroline")
                        .name())
                .isEqualTo("caroline");
    }

    @Test
    void anAccountCannotBeRenamedToANameTakenInItsDomainInAnyCase() {
        assertCode(() -> tenancy.renameAccount(fixture.root, alice.accountId(), "sales-admin"), ErrorCode.DUPLICATE);
        assertCode(() -> tenancy.renameAccount(fixture.root, alice.accountId(), "Sales-Admin"), ErrorCode.DUPLICATE);
        assertCode(() -> tenancy.renameAccount(fixture.root, alice.accountId(), " "), ErrorCode.MISSING_PARAMETER);
        assertThat(tenancy.getAccount(fixture.root, alice.accountId()).name()).isEqualTo("alice");
        // Its own name in another case, and a name used only in another domain, are free.
        assertThat(tenancy.renameAccount(fixture.root, alice.accountId(), "Alice")
                        .name())
                .isEqualTo("Alice");
        assertThat(tenancy.renameAccount(fixture.root, alice.accountId(), "bob").name())
                .isEqualTo("bob");
    }

    private String storedState(UUID accountId) throws Exception {
        try (Connection connection = fixture.testDatabase.connection();
                PreparedStatement query = connection.prepareStatement("select state from accounts where uuid = ?")) {
            query.setString(1, accountId.toString());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void cleanupOfAnAccountRecordsTheChangeForTheDispatcherOnlyWhenHostsAreAffected() {
        tenancy.deleteAccount(fixture.root, alice.accountId(), true);
        long records = fixture.database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from " + ChangeRecord.class.getSimpleName(), Long.class)
                .getSingleResult());
        assertThat(records).isZero();
    }

    static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WeftException.class, e -> assertThat(e.code())
                .as(e.getMessage())
                .isEqualTo(code));
    }
}
