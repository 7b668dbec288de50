package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.persistence.PersistentEntities;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;

/**
 * Tenancy: a service per aggregate (domains, accounts, users), the API key directory the API edges
 * authenticate against, and the bootstrap that {@code Main} runs once per start. Needs a {@code
 * SessionFactory}, a {@code SecretCipher}, a {@code ChangeLog} and a {@code java.time.Clock} from
 * elsewhere. Higher features add their {@link
 * AccountResources} and {@link UserReferences}; either set may be empty.
 */
public final class TenancyModule extends AbstractModule {
    /** Domains, accounts and users. */
    public static final List<Class<?>> ENTITIES = List.of(Domain.class, Account.class, User.class);

    private final BootstrapConfig bootstrapConfig;

    public TenancyModule(BootstrapConfig bootstrapConfig) {
        this.bootstrapConfig = requireNonNull(bootstrapConfig, "bootstrapConfig is null");
    }

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(BootstrapConfig.class).toInstance(bootstrapConfig);
        bind(TenancyStore.class).in(Singleton.class);
        bind(Authorizer.class).in(Singleton.class);
        bind(Ownership.class).in(Singleton.class);
        bind(TenancyOperations.class).in(Singleton.class);
        bind(DomainService.class).in(Singleton.class);
        bind(AccountService.class).in(Singleton.class);
        bind(UserService.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), AccountResources.class);
        Multibinder.newSetBinder(binder(), UserReferences.class);
        bind(TenancyBootstrap.class).in(Singleton.class);
        bind(ApiKeyDirectory.class).to(DatabaseApiKeyDirectory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ApiKeys apiKeys() {
        return new ApiKeys(new SecureRandom());
    }

    @Provides
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher(new SecureRandom(), PasswordHasher.DEFAULT_ITERATIONS);
    }
}
