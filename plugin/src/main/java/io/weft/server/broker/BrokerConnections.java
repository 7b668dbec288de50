package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

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
        return broker.connectionFactory(manager);
    }
}
