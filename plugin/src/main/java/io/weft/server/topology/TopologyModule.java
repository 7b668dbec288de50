package io.weft.server.topology;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;

/**
 * Topology: the service and its store. Needs a {@code SessionFactory}, a {@code SecretCipher}, a
 * {@code java.time.Clock} and the tenancy module's {@code Authorizer} and {@code ApiKeys}.
 */
public final class TopologyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TopologyStore.class).in(Singleton.class);
        bind(TopologyService.class).in(Singleton.class);
    }
}
