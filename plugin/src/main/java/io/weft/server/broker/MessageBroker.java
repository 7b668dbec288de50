package io.weft.server.broker;

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

    /** The URL clients (the server itself, agents) connect to, e.g. {@code tcp://127.0.0.1:61616}. */
    String clientUrl();

    /**
     * Lets a host's agent log in as {@code host-<hostId>} to consume only its own queue and send
     * only to the manager queues.
     */
    void grantAgent(String hostId, String password);

    /** One line for the start-up banner. */
    String describe();
}
