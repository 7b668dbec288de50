package io.weft.server;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's command line: {@code [--config FILE] [--data-dir DIR] [--help]}. Arguments beat
 * environment variables and the file.
 *
 * @param settings dotted keys set by arguments ({@code --data-dir} sets {@code dataDir})
 */
public record ServerArguments(Optional<Path> configFile, Map<String, String> settings, boolean help) {
    public static final String USAGE =
            """
            Usage: Main [--config FILE] [--data-dir DIR]

              --config FILE    YAML configuration (see weft.example.yaml and docs/configuration.md)
              --data-dir DIR   database, broker journal and credentials (default ./data; WEFT_DATA_DIR)
              --help           show this text

            Every configuration key can also be set as an environment variable: http.port is
            WEFT_HTTP_PORT, database.poolSize is WEFT_DATABASE_POOL_SIZE.
            """;

    public ServerArguments {
        requireNonNull(configFile, "configFile is null");
        settings = Map.copyOf(requireNonNull(settings, "settings is null"));
    }

    public static ServerArguments parse(String... args) {
        Optional<Path> configFile = Optional.empty();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> configFile = Optional.of(Path.of(valueOf(args, ++i, arg)));
                case "--data-dir" -> settings.put("dataDir", valueOf(args, ++i, arg));
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("--config=")) {
                        configFile = Optional.of(Path.of(arg.substring("--config=".length())));
                    } else if (arg.startsWith("--data-dir=")) {
                        settings.put("dataDir", arg.substring("--data-dir=".length()));
                    } else {
                        throw new ConfigException("unknown argument '" + arg + "'");
                    }
                }
            }
        }
        return new ServerArguments(configFile, settings, help);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new ConfigException(option + " needs a value");
        }
        return args[index];
    }
}
