package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The database a benchmark server runs on: the embedded H2 under its data directory (the server's
 * default, no settings), or a schema of its own in the PostgreSQL {@code test} database on
 * 127.0.0.1:5432, so that a loaded scenario survives in PostgreSQL as its data directory does in H2.
 *
 * @param kind {@code h2} or {@code postgresql}, part of the data directory's name
 * @param settings the server settings ({@code database.*}) that select it
 */
public record BenchDatabase(String kind, Map<String, String> settings) {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public BenchDatabase {
        requireNonNull(kind, "kind is null");
        settings = Map.copyOf(settings);
    }

    public static BenchDatabase h2() {
        return new BenchDatabase("h2", Map.of());
    }

    /** A schema of the PostgreSQL {@code test} database (user {@code postgres}, trust); see {@link #reset()}. */
    public static BenchDatabase postgresql(String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        return new BenchDatabase(
                "postgresql",
                Map.of(
                        "database.url", POSTGRES + "?currentSchema=" + schema,
                        "database.user", "postgres",
                        "database.password", ""));
    }

    /** {@code h2}, or {@code postgresql} with a schema named after the scenario. */
    public static BenchDatabase named(String kind, String shape, long seed) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgresql("weft_bench_" + shape.toLowerCase(java.util.Locale.ROOT) + "_" + seed);
            default -> throw new IllegalArgumentException("unknown database '" + kind + "' (h2 or postgresql)");
        };
    }

    /**
     * Makes the database empty before a load: H2's lives in the data directory, which the caller
     * wipes; PostgreSQL's schema is dropped and created again (the server's Flyway fills it).
     */
    public void reset() {
        if (!kind.equals("postgresql")) {
            return;
        }
        String url = settings.get("database.url");
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset schema " + schema + " in " + POSTGRES, e);
        }
    }
}
