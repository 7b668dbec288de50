package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.AgentAccess;
import jakarta.inject.Inject;

/** Host agents' broker access, granted on the running broker. */
public final class BrokerAgentAccess implements AgentAccess {
    private final MessageBroker broker;

    @Inject
    public BrokerAgentAccess(MessageBroker broker) {
        this.broker = requireNonNull(broker, "broker is null");
    }

    @Override
    public void grant(String hostId, String user, String secret) {
        if (!user.equals(BrokerSecurity.agentUser(hostId))) {
            throw new IllegalArgumentException("agent user " + user + " does not name host " + hostId);
        }
        broker.grantAgent(hostId, secret);
    }

    @Override
    public void revoke(String hostId, String user) {
        if (!user.equals(BrokerSecurity.agentUser(hostId))) {
            throw new IllegalArgumentException("agent user " + user + " does not name host " + hostId);
        }
        broker.revokeAgent(hostId);
    }
}
