package io.weft.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.WeftConfig;
import io.weft.server.WeftConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documentation and the example file name every key, so that they cannot drift from the code. */
class ConfigDocumentationTest {
    private static final Path ROOT = projectRoot();

    @Test
    void configurationReferenceNamesEveryKeyAndItsEnvironmentVariable() throws Exception {
        String reference = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (String key : allKeys()) {
            assertThat(reference).as("docs/configuration.md").contains("`" + key + "`");
            assertThat(reference).as("docs/configuration.md").contains("`" + ConfigSource.environmentName(key) + "`");
        }
    }

    @Test
    void exampleFileNamesEveryKeyAndLoadsToTheDefaults() throws Exception {
        Path example = ROOT.resolve("weft.example.yaml");
        String text = Files.readString(example);
        for (String key : allKeys()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertThat(text).as("weft.example.yaml names %s", key).containsPattern("(?m)^\\s*#?\\s*" + leaf + ":");
        }
        Map<String, String> noEnvironment = Map.of();
        assertThat(WeftConfigLoader.load(Optional.of(example), noEnvironment, Map.of()))
                .isEqualTo(WeftConfigLoader.load(Optional.empty(), noEnvironment, Map.of()));
    }

    private static java.util.Set<String> allKeys() {
        ConfigSource source = ConfigSource.of(Map.of());
        WeftConfig.from(source);
        return source.readKeys();
    }

    private static Path projectRoot() {
        String fromBuild = System.getenv("WEFT_PROJECT_ROOT");
        Path root = fromBuild != null
                ? Path.of(fromBuild)
                : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }
}
