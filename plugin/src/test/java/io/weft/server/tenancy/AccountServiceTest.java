package io.weft.server.tenancy;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.persistence.ChangeRecord;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.SecurityGroupEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts: who may change, rename and delete them, and what deleting one takes with it. */
class AccountServiceTest extends TenantTreeTest {
    @Test
    void rootSeesAndChangesEverything() {
        assertThat(accounts.list(fixture.root))
                .extracting(AccountView::name)
                .containsExactlyInAnyOrder("admin", "alice", "bob", "sales-admin", "carol");
        assertThat(domains.list(fixture.root)).hasSize(4);
        accounts.delete(fixture.root, bob.accountId(), false);
        assertCode(() -> accounts.get(fixture.root, bob.accountId()), ErrorCode.NOT_FOUND);
    }

    @Test
    void deletingAnAccountThatOwnsResourcesIsRefusedUnlessCleanup() {
        fixture.database.sessionFactory().inTransaction(session -> {
            Account owner = fixture.store.findAccount(session, bob.accountId()).orElseThrow();
            session.persist(new SecurityGroupEntity(
                    UUID.randomUUID(), owner, null, "default", EgressPolicy.CLOUDSTACK, fixture.clock.instant()));
        });
        assertCode(() -> accounts.delete(fixture.root, bob.accountId(), false), ErrorCode.IN_USE);
        accounts.delete(fixture.root, bob.accountId(), true);
        long groups = fixture.database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from SecurityGroup", Long.class)
                .getSingleResult());
        assertThat(groups).isZero();
    }

    @Test
    void anAccountCannotDeleteItself() {
        assertCode(() -> accounts.delete(salesAdmin, salesAdmin.accountId(), true), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aLockedOrDisabledAccountsKeysAuthenticateNobodyUntilItIsEnabled() throws Exception {
        UserKeys keys = users.registerKeys(fixture.root, alice.userId());

        AccountView locked = accounts.setState(fixture.root, alice.accountId(), TenancyState.LOCKED);
        assertThat(locked.state()).isEqualTo(TenancyState.LOCKED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
        assertThat(storedState(alice.accountId())).isEqualTo("LOCKED");

        accounts.setState(salesAdmin, alice.accountId(), TenancyState.ENABLED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isPresent();

        accounts.setState(salesAdmin, alice.accountId(), TenancyState.DISABLED);
        assertThat(accounts.get(fixture.root, alice.accountId()).state()).isEqualTo(TenancyState.DISABLED);
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
        assertThat(storedState(alice.accountId())).isEqualTo("DISABLED");
    }

    @Test
    void onlyAdminsOfAnAccountsDomainMayChangeItsStateOrNameAndNeverTheirOwnState() {
        // Invisible: NOT_FOUND; visible but not administered: PERMISSION_DENIED.
        assertCode(() -> accounts.setState(alice, bob.accountId(), TenancyState.LOCKED), ErrorCode.NOT_FOUND);
        assertCode(() -> accounts.setState(alice, alice.accountId(), TenancyState.LOCKED), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> accounts.rename(alice, alice.accountId(), "alicia"), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> accounts.setState(salesAdmin, bob.accountId(), TenancyState.LOCKED), ErrorCode.NOT_FOUND);
        assertCode(
                () -> accounts.setState(salesAdmin, salesAdmin.accountId(), TenancyState.LOCKED),
                ErrorCode.PERMISSION_DENIED);
        // A domain admin of ROOT sees the root admin's account but may not stop or rename it.
        Caller rootDomainAdmin = fixture.account(fixture.root, fixture.root.domainId(), "ops-lead", Role.DOMAIN_ADMIN);
        assertCode(
                () -> accounts.setState(rootDomainAdmin, fixture.root.accountId(), TenancyState.LOCKED),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> accounts.rename(rootDomainAdmin, fixture.root.accountId(), "x"), ErrorCode.PERMISSION_DENIED);
        assertThat(accounts.get(fixture.root, fixture.root.accountId()).state()).isEqualTo(TenancyState.ENABLED);
        // Its subtree it may.
        assertThat(accounts.setState(salesAdmin, carol.accountId(), TenancyState.LOCKED)
                        .state())
                .isEqualTo(TenancyState.LOCKED);
        assertThat(accounts.rename(salesAdmin, carol.accountId(), "caroline").name())
                .isEqualTo("caroline");
    }

    @Test
    void anAccountCannotBeRenamedToANameTakenInItsDomainInAnyCase() {
        assertCode(() -> accounts.rename(fixture.root, alice.accountId(), "sales-admin"), ErrorCode.DUPLICATE);
        assertCode(() -> accounts.rename(fixture.root, alice.accountId(), "Sales-Admin"), ErrorCode.DUPLICATE);
        assertCode(() -> accounts.rename(fixture.root, alice.accountId(), " "), ErrorCode.MISSING_PARAMETER);
        assertThat(accounts.get(fixture.root, alice.accountId()).name()).isEqualTo("alice");
        // Its own name in another case, and a name used only in another domain, are free.
        assertThat(accounts.rename(fixture.root, alice.accountId(), "Alice").name())
                .isEqualTo("Alice");
        assertThat(accounts.rename(fixture.root, alice.accountId(), "bob").name())
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
        accounts.delete(fixture.root, alice.accountId(), true);
        long records = fixture.database.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from " + ChangeRecord.class.getName(), Long.class)
                .getSingleResult());
        assertThat(records).isZero();
    }
}
