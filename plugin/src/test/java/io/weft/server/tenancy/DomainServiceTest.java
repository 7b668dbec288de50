package io.weft.server.tenancy;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Domains: names matched literally, and deleted with their subtree only when asked. */
class DomainServiceTest extends TenantTreeTest {
    @Test
    void aDomainPathPrefixIsMatchedLiterallyNotAsAPattern() {
        DomainView underscored = domains.create(fixture.root, "a_b", Optional.empty());
        DomainView lookalike = domains.create(fixture.root, "axb", Optional.empty());
        Caller admin = fixture.account(fixture.root, underscored.id(), "ab-admin", Role.DOMAIN_ADMIN);
        fixture.account(fixture.root, lookalike.id(), "axb-user", Role.USER);
        assertThat(accounts.list(admin)).extracting(AccountView::name).containsExactly("ab-admin");
    }

    @Test
    void deletingANonEmptyDomainIsRefusedUnlessCleanup() {
        assertCode(() -> domains.delete(fixture.root, sales.id(), false), ErrorCode.IN_USE);
        domains.delete(fixture.root, sales.id(), true);
        assertCode(() -> domains.get(fixture.root, salesEast.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> accounts.get(fixture.root, carol.accountId()), ErrorCode.NOT_FOUND);
        assertThat(accounts.list(fixture.root)).extracting(AccountView::name).containsExactlyInAnyOrder("admin", "bob");
    }
}
