package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A broker (or cluster) run elsewhere, at {@code broker.url}. The server neither starts nor stops
 * it; health is whether the manager can connect.
 */
public final class ExternalMessageBroker implements MessageBroker {
    private final String url;
    private final BrokerCredentials manager;

    @Inject
    public ExternalMessageBroker(BrokerConfig config, BrokerCredentials manager) {
        this.url = config.url().orElseThrow(() -> new IllegalArgumentException("broker.url is not set"));
        this.manager = requireNonNull(manager, "manager is null");
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    /** An external broker's users and permissions are provisioned by its operators. */
    @Override
    public void grantAgent(String hostId, String password) {}

    /**
     * An external broker's users are removed by its operators; until they are, the server's inbox
     * refuses what the deleted host's agent sends, since no host answers to its user.
     */
    @Override
    public void revokeAgent(String hostId) {}

    @Override
    public boolean healthy() {
        try (ActiveMQConnectionFactory factory =
                        new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "reconnectAttempts=0");
                Connection connection = factory.createConnection(manager.user(), manager.password())) {
            return connection != null;
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    public String clientUrl() {
        return url;
    }

    @Override
    public String describe() {
        return url + " (external)";
    }
}
