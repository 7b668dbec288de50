package io.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a {@link WeftConfig}: the YAML file (optional), then {@code WEFT_*} environment variables,
 * then command-line arguments, each overriding the one before.
 */
public final class WeftConfigLoader {
    private WeftConfigLoader() {}

    /**
     * @param file the YAML file given with {@code --config}, if any
     * @param environment usually {@code System.getenv()}
     * @param arguments dotted keys set on the command line, e.g. {@code dataDir} from {@code
     *     --data-dir}
     */
    public static WeftConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> arguments) {
        Map<String, String> fileSettings = file.map(WeftConfigLoader::readYaml).orElse(Map.of());
        String fileName = file.map(Path::toString).orElse("(no file)");
        ConfigSource source = new ConfigSource(arguments, environment, fileSettings, fileName);
        WeftConfig config = WeftConfig.from(source);
        source.rejectUnknownFileKeys();
        return config;
    }

    /** The file's settings as dotted keys ({@code http: {port: 8080}} → {@code http.port=8080}). */
    static Map<String, String> readYaml(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new ConfigException("configuration file " + file + " must hold a mapping of sections");
        }
        flatten("", root, settings, file);
        return settings;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> settings, Path file) {
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, settings, file);
            } else if (value.isArray()) {
                throw new ConfigException("configuration key '" + key + "' in " + file + " must not be a list");
            } else if (!value.isNull()) {
                settings.put(key, value.asText());
            }
        }
    }
}
