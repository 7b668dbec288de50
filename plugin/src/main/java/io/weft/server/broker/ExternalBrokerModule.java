package io.weft.server.broker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import io.weft.server.http.HealthChecks;
import io.weft.server.topology.AgentAccess;
import jakarta.inject.Singleton;

/** The broker runs elsewhere ({@code broker.embedded: false}, {@code broker.url}). */
public final class ExternalBrokerModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MessageBroker.class).to(ExternalMessageBroker.class).in(Scopes.SINGLETON);
        bind(BrokerConnections.class).in(Scopes.SINGLETON);
        bind(AgentAccess.class).to(BrokerAgentAccess.class);
        HealthChecks.bind(binder()).addBinding().to(BrokerHealthCheck.class);
    }

    @Provides
    @Singleton
    BrokerCredentials managerCredentials(BrokerConfig config) {
        // The config record requires the password when the broker is external.
        return new BrokerCredentials(
                config.managerUser(), config.managerPassword().orElseThrow());
    }
}
