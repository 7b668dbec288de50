package io.weft.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.BootstrapConfig;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.TenancyModule;
import io.weft.server.topology.AgentAccess;
import io.weft.server.topology.TopologyModule;
import io.weft.server.topology.ZoneService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature modules wire together as Main will install them, and installing them does nothing yet. */
class ModulesTest {
    @TempDir
    Path dataDirectory;

    @Test
    void theModulesBuildTheServicesAndOpenTheDatabaseOnlyWhenAsked() throws Exception {
        try (TestDatabase testDatabase = TestDatabase.create(DatabaseVendor.H2)) {
            Injector injector = Guice.createInjector(
                    new PersistenceModule(testDatabase.config()),
                    new SecretCipherModule(dataDirectory),
                    new TenancyModule(BootstrapConfig.generated(dataDirectory)),
                    new TopologyModule(),
                    new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(Clock.class).toInstance(Clock.systemUTC());
                            bind(AgentAccess.class).toInstance(AgentAccess.EXTERNAL);
                        }
                    });
            assertThat(Files.list(dataDirectory)).isEmpty();

            Caller admin = injector.getInstance(TenancyBootstrap.class).run();
            assertThat(injector.getInstance(AccountService.class).list(admin)).hasSize(1);
            assertThat(injector.getInstance(ZoneService.class).list(admin)).isEmpty();
            String apiKey = Files.readAllLines(dataDirectory.resolve("admin.credentials"))
                    .get(0)
                    .substring("apiKey=".length());
            assertThat(injector.getInstance(ApiKeyDirectory.class).findByApiKey(apiKey))
                    .isPresent();
            assertThat(dataDirectory.resolve("secret.key")).exists();
            injector.getInstance(Database.class).close();
        }
    }
}
