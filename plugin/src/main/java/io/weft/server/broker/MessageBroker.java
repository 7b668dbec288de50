package io.weft.server.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker between the server and the host agents: embedded in the server or an external
 * ActiveMQ Artemis. The server starts it before anything may send, and stops it after the HTTP
 * server has drained.
 */
public interface MessageBroker {
    void start() throws Exception;

    void stop() throws Exception;

    /** Whether clients can use the broker right now; quick, run on every {@code /health}. */
    boolean healthy();

    /**
     * The URL agents connect to, e.g. {@code tcp://127.0.0.1:61616}, with {@code sslEnabled=true}
     * when the broker speaks TLS; holds no secret, so it may be shown and logged.
     */
    String clientUrl();

    /**
     * A connection factory for the server's own connections as {@code user}: to {@link
     * #clientUrl()}, and with TLS trusting what the broker's trust store holds.
     */
    default ActiveMQConnectionFactory connectionFactory(BrokerCredentials user) {
        return new ActiveMQConnectionFactory(clientUrl(), user.user(), user.password());
    }

    /**
     * Lets a host's agent log in as {@code host-<hostId>} to consume only its own queue and send
     * only to the manager queues.
     */
    void grantAgent(String hostId, String password);

    /**
     * Takes a host's agent off the broker: its login stops working and its open connections are
     * closed at once.
     */
    void revokeAgent(String hostId);

    /** One line for the start-up banner. */
    String describe();
}
