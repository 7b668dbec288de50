package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/**
 * Tenancy: the service, the API key directory the API edges authenticate against, and the bootstrap
 * that {@code Main} runs once per start. Needs a {@code SessionFactory}, a {@code SecretCipher} and a
 * {@code java.time.Clock} from elsewhere.
 */
public final class TenancyModule extends AbstractModule {
    private final BootstrapConfig bootstrapConfig;

    public TenancyModule(BootstrapConfig bootstrapConfig) {
        this.bootstrapConfig = requireNonNull(bootstrapConfig, "bootstrapConfig is null");
    }

    @Override
    protected void configure() {
        bind(BootstrapConfig.class).toInstance(bootstrapConfig);
        bind(TenancyStore.class).in(Singleton.class);
        bind(Authorizer.class).in(Singleton.class);
        bind(TenancyService.class).in(Singleton.class);
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
