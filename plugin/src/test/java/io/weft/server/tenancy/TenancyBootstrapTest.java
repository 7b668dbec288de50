package io.weft.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenancyBootstrapTest {
    @TempDir
    Path dataDirectory;

    TenancyFixture fixture;

    @BeforeEach
    void firstStart() {
        fixture = new TenancyFixture(DatabaseVendor.H2, dataDirectory);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFirstStartCreatesTheRootAdminAndWritesItsKeysOwnerOnly() throws Exception {
        Path file = dataDirectory.resolve("admin.credentials");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("apiKey=");
        assertThat(lines.get(1)).startsWith("secretKey=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        ApiCredentials admin = fixture.directory()
                .findByApiKey(lines.get(0).substring("apiKey=".length()))
                .orElseThrow();
        assertThat(admin.secretKey()).isEqualTo(lines.get(1).substring("secretKey=".length()));
        assertThat(admin.caller().isRootAdmin()).isTrue();
        assertThat(admin.caller().domainPath()).isEqualTo("ROOT/");
        assertThat(admin.caller()).isEqualTo(fixture.root);
    }

    @Test
    void laterStartsNeverRegenerateKeysEvenWhenTheFileIsGone() throws Exception {
        Path file = dataDirectory.resolve("admin.credentials");
        String firstKeys = Files.readString(file);
        Files.delete(file);

        Caller again =
                fixture.bootstrap(BootstrapConfig.generated(dataDirectory)).run();

        assertThat(again).isEqualTo(fixture.root);
        assertThat(file).doesNotExist();
        String apiKey = firstKeys.lines().findFirst().orElseThrow().substring("apiKey=".length());
        assertThat(fixture.directory().findByApiKey(apiKey)).isPresent();
        assertThat(fixture.accounts.list(fixture.root)).hasSize(1);
        assertThat(fixture.domains.list(fixture.root)).hasSize(1);
    }

    @Test
    void configuredKeysAreTakenInsteadOfGeneratedOnes() {
        BootstrapConfig configured =
                new BootstrapConfig(dataDirectory, Optional.of("configured-key"), Optional.of("configured-secret"));
        fixture.bootstrap(configured).run();
        fixture.bootstrap(configured).run();

        ApiCredentials admin =
                fixture.directory().findByApiKey("configured-key").orElseThrow();
        assertThat(admin.secretKey()).isEqualTo("configured-secret");
        assertThat(admin.caller()).isEqualTo(fixture.root);
    }
}
