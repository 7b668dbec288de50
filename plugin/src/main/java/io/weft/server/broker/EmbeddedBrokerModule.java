package io.weft.server.broker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import io.weft.server.http.HealthChecks;
import io.weft.server.topology.AgentAccess;
import jakarta.inject.Singleton;

/** The broker runs inside the server ({@code broker.embedded: true}, the default). */
public final class EmbeddedBrokerModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedMessageBroker.class).in(Scopes.SINGLETON);
        bind(MessageBroker.class).to(EmbeddedMessageBroker.class);
        bind(BrokerConnections.class).in(Scopes.SINGLETON);
        bind(AgentAccess.class).to(BrokerAgentAccess.class);
        HealthChecks.bind(binder()).addBinding().to(BrokerHealthCheck.class);
    }

    @Provides
    @Singleton
    BrokerCredentials managerCredentials(BrokerConfig config) {
        return ManagerCredentialsStore.resolve(config);
    }
}
