package io.weft.server.topology;

/**
 * Lets a host's agent onto the broker with the credential issued when the host was added: read its
 * own queue, write the manager's. Implemented by the broker provider.
 */
public interface AgentAccess {
    void grant(String hostId, String user, String secret);

    /** An implementation for brokers provisioned outside Weft. */
    AgentAccess EXTERNAL = (hostId, user, secret) -> {};
}
