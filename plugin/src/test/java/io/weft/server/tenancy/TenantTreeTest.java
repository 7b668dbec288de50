package io.weft.server.tenancy;

import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tenancy tests share: a fresh database with the tenancy services, and domains ROOT/sales/east/
 * and ROOT/ops/ with a user alice in sales, bob in ops, a domain admin of sales, and carol in
 * sales/east created by that admin.
 */
abstract class TenantTreeTest {
    @TempDir
    Path dataDirectory;

    TenancyFixture fixture;
    DomainService domains;
    AccountService accounts;
    UserService users;
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
        domains = fixture.domains;
        accounts = fixture.accounts;
        users = fixture.users;
        Caller root = fixture.root;
        sales = domains.create(root, "sales", Optional.empty());
        salesEast = domains.create(root, "east", Optional.of(sales.id()));
        ops = domains.create(root, "ops", Optional.empty());
        alice = fixture.account(root, sales.id(), "alice", Role.USER);
        bob = fixture.account(root, ops.id(), "bob", Role.USER);
        salesAdmin = fixture.account(root, sales.id(), "sales-admin", Role.DOMAIN_ADMIN);
        carol = fixture.account(salesAdmin, salesEast.id(), "carol", Role.USER);
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
