package io.weft.server.topology;

/**
 * Lets a host's agent onto the broker with the credential issued when the host was added: read its
 * own queue, write the manager's. Implemented by the broker provider.
 */
public interface AgentAccess {
    void grant(String hostId, String user, String secret);

    /**
     * Takes the agent of a deleted host off the broker at once: its login stops working and the
     * sessions it has open are closed.
     */
    void revoke(String hostId, String user);

    /** An implementation for brokers provisioned outside Weft. */
    AgentAccess EXTERNAL = new AgentAccess() {
        @Override
        public void grant(String hostId, String user, String secret) {}

        @Override
        public void revoke(String hostId, String user) {}
    };
}
