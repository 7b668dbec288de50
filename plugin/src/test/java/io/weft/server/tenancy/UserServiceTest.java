package io.weft.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Users' API keys: registered keys authenticate their user, the secret is stored encrypted. */
class UserServiceTest extends TenantTreeTest {
    @Test
    void registeredKeysAuthenticateTheirUserAndTheSecretIsNotStoredInPlain() throws Exception {
        UserKeys keys = users.registerKeys(fixture.root, alice.userId());
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
        UserKeys keys = users.registerKeys(fixture.root, bob.userId());
        fixture.database.sessionFactory().inTransaction(session -> fixture.store
                .findUser(session, bob.userId())
                .orElseThrow()
                .setState(TenancyState.DISABLED));
        assertThat(fixture.directory().findByApiKey(keys.apiKey())).isEmpty();
    }
}
