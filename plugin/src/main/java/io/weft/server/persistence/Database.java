package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: a connection pool, a schema brought up to date by Flyway, and a Hibernate
 * session factory that has checked every entity against that schema. Flyway owns the schema;
 * Hibernate only validates it.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DatabaseVendor vendor;
    private final SessionFactory sessionFactory;

    private Database(HikariDataSource dataSource, DatabaseVendor vendor, SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.sessionFactory = sessionFactory;
    }

    /** Connects, migrates and validates; fails with {@link ErrorCode#UNAVAILABLE} if the database is not reachable. */
    public static Database open(DatabaseConfig config, Collection<Class<?>> entities) {
        requireNonNull(config, "config is null");
        requireNonNull(entities, "entities is null");
        HikariDataSource dataSource = connect(config);
        try {
            DatabaseVendor vendor = vendorOf(dataSource);
            var migration = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(vendor.migrationPlaceholders())
                    .load()
                    .migrate();
            log.info(
                    "database {} ({}) at schema version {}, {} migrations applied now",
                    config.jdbcUrl(),
                    vendor,
                    migration.targetSchemaVersion,
                    migration.migrationsExecuted);
            return new Database(dataSource, vendor, buildSessionFactory(dataSource, entities));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource connect(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("weft-db");
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new WeftException(ErrorCode.UNAVAILABLE, "cannot connect to database " + config.jdbcUrl(), e);
        }
    }

    private static DatabaseVendor vendorOf(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new WeftException(ErrorCode.UNAVAILABLE, "cannot read database metadata", e);
        }
    }

    private static SessionFactory buildSessionFactory(HikariDataSource dataSource, Collection<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                // The schema stores uuids as CHAR(36) and instants as UTC timestamps without zone on
                // every vendor, so that one migration script fits all three.
                .applySetting(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "CHAR")
                .applySetting(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP")
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
