package io.weft.server.persistence;

import java.util.Locale;
import java.util.Map;

/**
 * The databases Weft runs on, and the few column types the one migration script cannot spell the same
 * way on all of them (the Flyway placeholders {@code ${timestamp}} and {@code ${text}}).
 */
public enum DatabaseVendor {
    H2("TIMESTAMP(6)", "CHARACTER VARYING(1000000)"),
    POSTGRESQL("TIMESTAMP(6)", "TEXT"),
    // DATETIME because MariaDB's TIMESTAMP ends in 2038 and shifts values by the session time zone.
    MARIADB("DATETIME(6)", "MEDIUMTEXT");

    /** The length entities give long JSON columns, so that Hibernate expects the types above. */
    public static final int LONG_TEXT_LENGTH = 1_000_000;

    private final String timestampType;
    private final String textType;

    DatabaseVendor(String timestampType, String textType) {
        this.timestampType = timestampType;
        this.textType = textType;
    }

    public Map<String, String> migrationPlaceholders() {
        return Map.of("timestamp", timestampType, "text", textType);
    }

    /** Maps {@link java.sql.DatabaseMetaData#getDatabaseProductName()} to a vendor. */
    public static DatabaseVendor fromProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return H2;
        }
        if (name.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        if (name.startsWith("mariadb") || name.startsWith("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database " + productName);
    }
}
