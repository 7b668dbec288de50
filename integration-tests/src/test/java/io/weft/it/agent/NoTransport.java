package io.weft.it.agent;

import io.weft.agent.transport.AgentTransport;
import io.weft.spec.host.HostMessage;

/** A transport for tests that hand updates to the agent themselves: sends nothing, receives nothing. */
final class NoTransport implements AgentTransport {
    @Override
    public void start(Listener listener) {}

    @Override
    public boolean send(HostMessage message) {
        return false;
    }

    @Override
    public void close() {}
}
