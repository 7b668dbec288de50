package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Connections to the broker as the manager user, for the server's own producers and consumers.
 * The factory is made on demand because an embedded broker's URL is known only once it runs.
 */
public final class BrokerConnections {
    private final MessageBroker broker;
    private final BrokerCredentials manager;

    @Inject
    public BrokerConnections(MessageBroker broker, BrokerCredentials manager) {
        this.broker = requireNonNull(broker, "broker is null");
        this.manager = requireNonNull(manager, "manager is null");
    }

    /** A new factory for the running broker; the caller closes the connections it makes. */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(broker.clientUrl(), manager.user(), manager.password());
    }
}
