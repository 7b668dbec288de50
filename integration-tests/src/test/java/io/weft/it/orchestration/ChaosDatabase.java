package io.weft.it.orchestration;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the local PostgreSQL ({@code test} database on 127.0.0.1:5432) that the server
 * reaches only through a {@link LoopbackProxy}, so that the test can cut the server's database
 * connections and restore them. The test itself reads the schema directly, past the proxy.
 *
 * <p>Without PostgreSQL the test is skipped, unless {@value #REQUIRE_ENV}=1 (CI), which fails it.
 */
final class ChaosDatabase implements AutoCloseable {
    static final String REQUIRE_ENV = "WEFT_REQUIRE_DATABASES";
    private static final int POSTGRES_PORT = 5432;
    private static final String DIRECT = "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/test";
    private static final List<String> USERS = List.of("postgres", "root");

    private final String schema;
    private final String user;
    private final LoopbackProxy proxy;

    private ChaosDatabase(String schema, String user, LoopbackProxy proxy) {
        this.schema = schema;
        this.user = user;
        this.proxy = proxy;
    }

    static ChaosDatabase create() throws IOException {
        String schema =
                "weft_chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SQLException last = null;
        for (String user : USERS) {
            try (Connection connection = DriverManager.getConnection(DIRECT + "?connectTimeout=3", user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
                return new ChaosDatabase(schema, user, LoopbackProxy.to(POSTGRES_PORT));
            } catch (SQLException e) {
                last = e;
            }
        }
        String message = "PostgreSQL at " + DIRECT + " is not reachable (" + last.getMessage() + ")";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            throw new AssertionError(message + " and " + REQUIRE_ENV + "=1 requires it", last);
        }
        Assumptions.abort(message + "; set " + REQUIRE_ENV + "=1 to fail instead of skipping");
        throw new AssertionError("unreachable");
    }

    /** The server's {@code database.*} settings: through the proxy, a small pool. */
    Map<String, String> serverSettings() {
        return Map.of(
                "database.url",
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?currentSchema=" + schema
                        + "&connectTimeout=2&socketTimeout=30",
                "database.user",
                user,
                "database.poolSize",
                "6");
    }

    LoopbackProxy link() {
        return proxy;
    }

    /** The first column of every row {@code sql} selects, read past the proxy. */
    List<String> column(String sql) throws SQLException {
        try (Connection connection = direct();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private Connection direct() throws SQLException {
        return DriverManager.getConnection(DIRECT + "?currentSchema=" + schema, user, "");
    }

    @Override
    public void close() throws SQLException {
        proxy.close();
        try (Connection connection = DriverManager.getConnection(DIRECT, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
