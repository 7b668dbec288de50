package io.weft.server;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.BridgeSettings;
import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.ec2.Ec2Config;
import io.weft.server.api.port.PortApiSettings;
import io.weft.server.broker.BrokerConfig;
import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.ShutdownConfig;
import io.weft.server.persistence.DatabaseConfig;
import io.weft.server.tenancy.BootstrapConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
    public static final String DEFAULT_DATABASE_USER = "weft";
    public static final int DEFAULT_DATABASE_POOL_SIZE = 10;

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
                databaseFrom(source, dataDir),
                BrokerConfig.from(source, dataDir),
                bootstrapFrom(source, dataDir),
                ApiConfig.from(source),
                ShutdownConfig.from(source),
                dispatchFrom(source),
                computeFrom(source));
    }

    /**
     * The default is an H2 file database under the data directory; {@code DB_CLOSE_ON_EXIT=FALSE}
     * because the server closes it itself, after in-flight requests are done, and {@code
     * WRITE_DELAY=0} because H2 otherwise holds a commit back for up to half a second, and a
     * {@code kill -9} in that window would lose a change the API already confirmed.
     */
    public static String defaultDatabaseUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("weft").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The persistence feature owns {@link DatabaseConfig}; only its keys and defaults live here. */
    static DatabaseConfig databaseFrom(ConfigSource source, Path dataDir) {
        String url = source.string("database.url", defaultDatabaseUrl(dataDir));
        String user = source.string("database.user", DEFAULT_DATABASE_USER);
        String password = source.string("database.password", "");
        int poolSize = source.integer("database.poolSize", DEFAULT_DATABASE_POOL_SIZE, 1, 1000);
        try {
            return new DatabaseConfig(url, user, password, poolSize);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("database: " + e.getMessage(), e);
        }
    }

    /** The dispatch feature owns {@link DispatchSettings}; only its keys and defaults live here. */
    static DispatchSettings dispatchFrom(ConfigSource source) {
        DispatchSettings defaults = DispatchSettings.defaults();
        try {
            return new DispatchSettings(
                    new BridgeSettings(
                            source.string(
                                    "dispatch.integrationBridge",
                                    defaults.bridge().integrationBridge()),
                            source.string(
                                    "dispatch.datapathType", defaults.bridge().datapathType()),
                            Optional.empty(),
                            source.bool(
                                    "dispatch.arpResponder", defaults.bridge().arpResponder())),
                    source.duration("dispatch.ackTimeout", defaults.ackTimeout()),
                    source.duration("dispatch.maxRetryBackoff", defaults.maxRetryBackoff()),
                    source.duration("dispatch.heartbeatTimeout", defaults.heartbeatTimeout()),
                    source.duration("dispatch.pollInterval", defaults.pollInterval()),
                    source.duration("dispatch.leaseDuration", defaults.leaseDuration()),
                    source.integer("dispatch.batchSize", defaults.batchSize(), 1, 100_000));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("dispatch: " + e.getMessage(), e);
        }
    }

    /** The compute API owns {@link PortApiSettings}; only its keys and defaults live here. */
    static PortApiSettings computeFrom(ConfigSource source) {
        PortApiSettings defaults = PortApiSettings.defaults();
        try {
            return new PortApiSettings(
                    source.value("compute.webhookUrl").map(URI::create),
                    source.value("compute.webhookSecret"),
                    source.duration("compute.webhookMaxBackoff", defaults.webhookMaxBackoff()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("compute: " + e.getMessage(), e);
        }
    }

    /** The tenancy feature owns {@link BootstrapConfig}; only its keys live here. */
    static BootstrapConfig bootstrapFrom(ConfigSource source, Path dataDir) {
        try {
            return new BootstrapConfig(
                    dataDir, source.value("bootstrap.adminApiKey"), source.value("bootstrap.adminSecretKey"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bootstrap: " + e.getMessage(), e);
        }
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
