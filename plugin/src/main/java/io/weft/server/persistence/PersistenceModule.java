package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.util.Set;
import org.hibernate.SessionFactory;

/**
 * Binds the {@link Database} and its {@link SessionFactory}, mapping the entities every installed
 * feature contributed ({@link PersistentEntities}). Nothing happens when the module is
 * installed; the database is opened (and migrated) when the first of them is injected, and whoever
 * builds the injector closes the {@link Database}.
 */
public final class PersistenceModule extends AbstractModule {
    private final DatabaseConfig config;

    public PersistenceModule(DatabaseConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(DatabaseConfig.class).toInstance(config);
        PersistentEntities.contribute(binder(), PersistentEntities.OWN);
    }

    @Provides
    @Singleton
    Database database(DatabaseConfig databaseConfig, Set<Class<?>> entities) {
        return Database.open(databaseConfig, entities);
    }

    @Provides
    @Singleton
    SessionFactory sessionFactory(Database database) {
        return database.sessionFactory();
    }
}
