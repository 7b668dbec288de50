package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.nio.file.Path;

/**
 * Where the database is and how many connections to hold.
 *
 * @param password empty when the server trusts the client (H2 embedded, local test servers)
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {
    public static final String DEFAULT_USER = "weft";
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseConfig {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc: but was " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1 but was " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
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

    /** The {@code database.*} keys; the default is an H2 file database under {@code dataDir}. */
    public static DatabaseConfig from(ConfigSource source, Path dataDir) {
        String url = source.string("database.url", defaultDatabaseUrl(dataDir));
        String user = source.string("database.user", DEFAULT_USER);
        String password = source.string("database.password", "");
        int poolSize = source.integer("database.poolSize", DEFAULT_POOL_SIZE, 1, 1000);
        try {
            return new DatabaseConfig(url, user, password, poolSize);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("database: " + e.getMessage(), e);
        }
    }
}
