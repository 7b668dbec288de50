package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Where the database is and how many connections to hold.
 *
 * @param password empty when the server trusts the client (H2 embedded, local test servers)
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {
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
}
