package io.weft.agent.core;

import io.weft.spec.host.HostMessage;

/** Where the agent's messages to the management server go (acks, heartbeats, resync requests, port status). */
@FunctionalInterface
public interface AgentOutbox {
    /** Sends or drops: a message lost while the broker is away is recovered by the next heartbeat or resync. */
    void send(HostMessage message);
}
