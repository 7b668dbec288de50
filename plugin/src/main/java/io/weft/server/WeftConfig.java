package io.weft.server;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.ec2.Ec2Config;
import io.weft.server.api.port.PortApiSettings;
import io.weft.server.broker.BrokerConfig;
import io.weft.server.config.ConfigSource;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.ShutdownConfig;
import io.weft.server.persistence.DatabaseConfig;
import io.weft.server.tenancy.BootstrapConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole server configuration, one typed record per feature. Load it with {@link
 * WeftConfigLoader} (file, environment, arguments) or {@link #of(Map)} (dotted keys, for tests).
 *
 * @param dataDir where the default database, the broker journal and the credentials live
 */
public record WeftConfig(
        Path dataDir,
        HttpConfig http,
        Ec2Config ec2,
        DatabaseConfig database,
        BrokerConfig broker,
        BootstrapConfig bootstrap,
        ApiConfig api,
        ShutdownConfig shutdown,
        DispatchSettings dispatch,
        PortApiSettings compute) {
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public WeftConfig {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(http, "http is null");
        requireNonNull(ec2, "ec2 is null");
        requireNonNull(database, "database is null");
        requireNonNull(broker, "broker is null");
        requireNonNull(bootstrap, "bootstrap is null");
        requireNonNull(api, "api is null");
        requireNonNull(shutdown, "shutdown is null");
        requireNonNull(dispatch, "dispatch is null");
        requireNonNull(compute, "compute is null");
    }

    /** Reads every section from {@code source}; data-dir-relative defaults follow {@code dataDir}. */
    public static WeftConfig from(ConfigSource source) {
        Path dataDir = source.path("dataDir", DEFAULT_DATA_DIR);
        return new WeftConfig(
                dataDir,
                HttpConfig.from(source),
                Ec2Config.from(source),
                DatabaseConfig.from(source, dataDir),
                BrokerConfig.from(source, dataDir),
                BootstrapConfig.from(source, dataDir),
                ApiConfig.from(source),
                ShutdownConfig.from(source),
                DispatchSettings.from(source),
                PortApiSettings.from(source));
    }

    /**
     * A configuration from dotted keys alone, e.g. {@code Map.of("dataDir", tmp, "http.port", "0",
     * "broker.port", "0")}; unknown keys fail as they would in a file.
     */
    public static WeftConfig of(Map<String, String> settings) {
        ConfigSource source = new ConfigSource(Map.of(), Map.of(), settings, "settings");
        WeftConfig config = from(source);
        source.rejectUnknownFileKeys();
        return config;
    }
}
