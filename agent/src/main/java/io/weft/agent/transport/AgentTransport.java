package io.weft.agent.transport;

import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;

/** The agent's link to the management server; the core sees only this, so it runs without a broker. */
public interface AgentTransport extends AutoCloseable {

    /** What the transport hands to the agent. Called from the transport's own thread, one at a time. */
    interface Listener {
        void onUpdate(HostUpdate update);

        /** Connected or reconnected: updates may have been missed meanwhile. */
        void onConnected();
    }

    /** Starts receiving; connecting happens in the background and is retried until {@link #close}. */
    void start(Listener listener);

    /** Sends to the manager; returns false when the message was dropped because the broker is away. */
    boolean send(HostMessage message);

    @Override
    void close();
}
