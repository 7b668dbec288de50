package io.weft.it.orchestration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentRuntime;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.memory.InMemoryDataplane;
import io.weft.agent.state.StateStore;
import io.weft.agent.transport.JmsSettings;
import io.weft.agent.transport.JmsTransport;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One hypervisor's agent in the test JVM: the real agent core and JMS transport over the server's
 * broker, with the in-memory dataplane. Stopping it and starting another on the same state
 * directory is an agent restart.
 */
final class SimulatedHost implements AutoCloseable {
    private final String hostId;
    private final String brokerUrl;
    private final String user;
    private final String password;
    private final Path stateDir;
    private final InMemoryDataplane dataplane = new InMemoryDataplane();
    private java.util.function.UnaryOperator<io.weft.agent.core.AgentOutbox> outboxFaults = outbox -> outbox;
    private AgentRuntime runtime;

    SimulatedHost(String hostId, String brokerUrl, String user, String password, Path stateDir) {
        this.hostId = hostId;
        this.brokerUrl = brokerUrl + "?reconnectAttempts=-1&retryInterval=200&maxRetryInterval=2000";
        this.user = user;
        this.password = password;
        this.stateDir = stateDir;
    }

    synchronized SimulatedHost start() {
        JmsTransport transport = new JmsTransport(hostId, JmsSettings.of(brokerUrl, user, password));
        HostAgent agent = new HostAgent(
                hostId,
                dataplane,
                new StateStore(stateDir),
                outboxFaults.apply(transport::send),
                new SimpleMeterRegistry());
        runtime = new AgentRuntime(agent, transport, Duration.ofSeconds(2), Duration.ofMillis(500));
        runtime.start();
        return this;
    }

    /** Wraps what the agent sends to the server, e.g. to lose or duplicate acks. */
    SimulatedHost withOutboxFaults(java.util.function.UnaryOperator<io.weft.agent.core.AgentOutbox> faults) {
        this.outboxFaults = faults;
        return this;
    }

    synchronized void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    synchronized boolean running() {
        return runtime != null;
    }

    String hostId() {
        return hostId;
    }

    synchronized HostAgent agent() {
        return runtime.agent();
    }

    InMemoryDataplane dataplane() {
        return dataplane;
    }

    @Override
    public void close() {
        stop();
    }
}
