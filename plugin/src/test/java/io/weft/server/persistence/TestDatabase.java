package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.ec2.Ec2ApiModule;
import io.weft.server.catalogue.CatalogueModule;
import io.weft.server.compute.ComputeModule;
import io.weft.server.dispatch.DispatchModule;
import io.weft.server.jobs.JobsModule;
import io.weft.server.network.NetworkModule;
import io.weft.server.securitygroup.SecurityGroupModule;
import io.weft.server.tags.TagsModule;
import io.weft.server.tenancy.TenancyModule;
import io.weft.server.topology.TopologyModule;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database of one vendor for one test class or test: an in-memory H2 database, a new
 * schema in PostgreSQL's {@code test} database, or a new MariaDB database; dropped on {@link #close()}.
 *
 * <p>When PostgreSQL or MariaDB is not reachable the test is skipped, unless the environment sets
 * {@value #REQUIRE_ENV}=1 (CI does), which turns the skip into a failure.
 */
public final class TestDatabase implements AutoCloseable {
    /** Every feature's entities, as the server's modules contribute them. */
    public static final List<Class<?>> ALL_ENTITIES = Stream.of(
                    PersistentEntities.OWN,
                    TopologyModule.ENTITIES,
                    TenancyModule.ENTITIES,
                    NetworkModule.ENTITIES,
                    SecurityGroupModule.ENTITIES,
                    CatalogueModule.ENTITIES,
                    ComputeModule.ENTITIES,
                    TagsModule.ENTITIES,
                    JobsModule.ENTITIES,
                    DispatchModule.ENTITIES,
                    Ec2ApiModule.ENTITIES)
            .flatMap(List::stream)
            .toList();

    public static final String REQUIRE_ENV = "WEFT_REQUIRE_DATABASES";

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final List<String> POSTGRES_USERS = List.of("postgres", "root");
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private final DatabaseVendor vendor;
    private final DatabaseConfig config;
    private final DatabaseConfig adminConfig;
    private final String dropStatement;

    private TestDatabase(DatabaseVendor vendor, DatabaseConfig config, DatabaseConfig adminConfig, String drop) {
        this.vendor = vendor;
        this.config = config;
        this.adminConfig = adminConfig;
        this.dropStatement = drop;
    }

    /** Creates the database, or skips (or fails, see the class comment) the calling test. */
    public static TestDatabase create(DatabaseVendor vendor) {
        requireNonNull(vendor, "vendor is null");
        String name = "weft_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (vendor) {
            case H2 -> new TestDatabase(
                    vendor,
                    new DatabaseConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 4),
                    new DatabaseConfig("jdbc:h2:mem:" + name, "sa", "", 1),
                    "SHUTDOWN");
            case POSTGRESQL -> createPostgres(name);
            case MARIADB -> createMariaDb(name);
        };
    }

    private static TestDatabase createPostgres(String schema) {
        SQLException last = null;
        for (String user : POSTGRES_USERS) {
            DatabaseConfig admin = new DatabaseConfig(POSTGRES_URL + "?connectTimeout=3", user, "", 1);
            try (Connection connection = connect(admin)) {
                execute(connection, "CREATE SCHEMA " + schema);
                return new TestDatabase(
                        DatabaseVendor.POSTGRESQL,
                        new DatabaseConfig(POSTGRES_URL + "?currentSchema=" + schema, user, "", 4),
                        admin,
                        "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                last = e;
            }
        }
        throw unavailable("PostgreSQL at " + POSTGRES_URL, last);
    }

    private static TestDatabase createMariaDb(String database) {
        DatabaseConfig admin = new DatabaseConfig(MARIADB_SERVER + "test?connectTimeout=3000", "root", "", 1);
        try (Connection connection = connect(admin)) {
            execute(connection, "CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw unavailable("MariaDB at " + MARIADB_SERVER, e);
        }
        return new TestDatabase(
                DatabaseVendor.MARIADB,
                new DatabaseConfig(MARIADB_SERVER + database, "root", "", 4),
                admin,
                "DROP DATABASE " + database);
    }

    /** Skips the test, or fails it when databases are required. */
    private static RuntimeException unavailable(String what, Exception cause) {
        String message = what + " is not reachable (" + (cause == null ? "no attempt" : cause.getMessage()) + ")";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            throw new AssertionError(message + " and " + REQUIRE_ENV + "=1 requires it", cause);
        }
        Assumptions.abort(message + "; set " + REQUIRE_ENV + "=1 to fail instead of skipping");
        throw new AssertionError("unreachable");
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Opens (migrates and validates) the database. */
    public Database open() {
        return Database.open(config, ALL_ENTITIES);
    }

    /** A plain JDBC connection to the test database, to look at what Hibernate wrote. */
    public Connection connection() throws SQLException {
        return connect(config);
    }

    @Override
    public void close() {
        try (Connection connection = connect(adminConfig)) {
            execute(connection, dropStatement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database: " + dropStatement, e);
        }
    }

    private static Connection connect(DatabaseConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return vendor + " " + config.jdbcUrl();
    }
}
