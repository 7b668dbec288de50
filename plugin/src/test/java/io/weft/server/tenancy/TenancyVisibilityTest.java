package io.weft.server.tenancy;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who sees and changes what across domains, accounts and users: users their account, domain admins their subtree, root everything. */
class TenancyVisibilityTest extends TenantTreeTest {
    @Test
    void aUserSeesOnlyItsOwnAccountAndUsers() {
        assertThat(accounts.list(alice)).extracting(AccountView::name).containsExactly("alice");
        assertThat(users.list(alice)).extracting(UserView::username).containsExactly("alice-user");
        assertThat(domains.list(alice)).extracting(DomainView::path).containsExactly("ROOT/sales/");
        assertCode(() -> accounts.get(alice, bob.accountId()), ErrorCode.NOT_FOUND);
        assertCode(() -> users.get(alice, bob.userId()), ErrorCode.NOT_FOUND);
        assertCode(() -> domains.get(alice, ops.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void aUserCannotChangeAnotherAccountAndMayNotAdministerItsOwn() {
        // Invisible: NOT_FOUND, so that another tenant's ids leak nothing.
        assertCode(() -> accounts.delete(alice, bob.accountId(), true), ErrorCode.NOT_FOUND);
        assertCode(() -> users.create(alice, bob.accountId(), NewUser.of("x", "pw")), ErrorCode.NOT_FOUND);
        assertCode(() -> users.registerKeys(alice, bob.userId()), ErrorCode.NOT_FOUND);
        assertCode(() -> users.delete(alice, bob.userId()), ErrorCode.NOT_FOUND);
        // Visible but not allowed: PERMISSION_DENIED.
        assertCode(() -> users.create(alice, alice.accountId(), NewUser.of("x", "pw")), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domains.create(alice, "mine", Optional.empty()), ErrorCode.PERMISSION_DENIED);
        // Its own keys it may manage.
        UserKeys keys = users.registerKeys(alice, alice.userId());
        assertThat(users.getKeys(alice, alice.userId())).isEqualTo(keys);
    }

    @Test
    void aDomainAdminManagesItsSubtreeAndNothingElse() {
        assertThat(accounts.list(salesAdmin))
                .extracting(AccountView::name)
                .containsExactlyInAnyOrder("alice", "sales-admin", "carol");
        assertThat(domains.list(salesAdmin))
                .extracting(DomainView::path)
                .containsExactly("ROOT/sales/", "ROOT/sales/east/");
        assertCode(() -> accounts.get(salesAdmin, bob.accountId()), ErrorCode.NOT_FOUND);
        assertCode(
                () -> accounts.create(
                        salesAdmin,
                        new NewAccount(Optional.of(ops.id()), Optional.empty(), Role.USER, NewUser.of("x", "pw"))),
                ErrorCode.NOT_FOUND);
        assertCode(
                () -> accounts.create(
                        salesAdmin,
                        new NewAccount(Optional.empty(), Optional.empty(), Role.ROOT_ADMIN, NewUser.of("x", "pw"))),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domains.delete(salesAdmin, sales.id(), true), ErrorCode.PERMISSION_DENIED);

        UserView dave = users.create(salesAdmin, carol.accountId(), NewUser.of("dave", "pw"));
        assertThat(users.registerKeys(salesAdmin, dave.id()).apiKey()).hasSize(86);
        users.delete(salesAdmin, dave.id());
        assertCode(() -> users.get(salesAdmin, dave.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void namesAreUniqueWhereCloudStackSaysSo() {
        assertCode(() -> domains.create(fixture.root, "sales", Optional.empty()), ErrorCode.DUPLICATE);
        assertCode(() -> fixture.account(fixture.root, sales.id(), "alice", Role.USER), ErrorCode.DUPLICATE);
        assertCode(
                () -> users.create(fixture.root, salesAdmin.accountId(), NewUser.of("alice-user", "pw")),
                ErrorCode.DUPLICATE);
        // The same account name in another domain is another account.
        fixture.account(fixture.root, ops.id(), "alice", Role.USER);
    }
}
