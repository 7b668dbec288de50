package io.weft.lab.harness;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentOutbox;
import io.weft.agent.core.AgentRuntime;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.memory.InMemoryDataplane;
import io.weft.agent.state.StateStore;
import io.weft.agent.transport.JmsSettings;
import io.weft.agent.transport.JmsTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One hypervisor's agent inside this JVM: the real agent core and JMS transport, logged in to the
 * server's broker as that host's agent, over the in-memory dataplane. Stopping it and starting
 * another on the same state directory is an agent restart. The whole-system tests and the
 * benchmark's agent fleet both run agents through this one class.
 */
public final class SimulatedHost implements AutoCloseable {
    private final String hostId;
    private final String brokerUrl;
    private final String user;
    private final String password;
    private final Path stateDir;
    private final Timing timing;
    private final InMemoryDataplane dataplane = new InMemoryDataplane();
    private UnaryOperator<AgentOutbox> outboxFaults = outbox -> outbox;
    private AgentRuntime runtime;

    /**
     * How often the agent repairs drift and says it is alive, and the Artemis client options added
     * to the broker URL (reconnects, pools, pings): the settings a real agent is deployed with.
     */
    public record Timing(Duration resyncPeriod, Duration heartbeatPeriod, String brokerUrlOptions) {
        /** Fast enough for tests to see drift repaired and heartbeats within a second or two. */
        public static final Timing TESTS = new Timing(
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                "reconnectAttempts=-1&retryInterval=200&maxRetryInterval=2000");

        public Timing {
            requireNonNull(resyncPeriod, "resyncPeriod is null");
            requireNonNull(heartbeatPeriod, "heartbeatPeriod is null");
            requireNonNull(brokerUrlOptions, "brokerUrlOptions is null");
        }
    }

    public SimulatedHost(String hostId, String brokerUrl, String user, String password, Path stateDir) {
        this(hostId, brokerUrl, user, password, stateDir, Timing.TESTS);
    }

    public SimulatedHost(String hostId, String brokerUrl, String user, String password, Path stateDir, Timing timing) {
        this.hostId = requireNonNull(hostId, "hostId is null");
        this.timing = requireNonNull(timing, "timing is null");
        this.brokerUrl = requireNonNull(brokerUrl, "brokerUrl is null")
                + (timing.brokerUrlOptions().isEmpty() ? "" : "?" + timing.brokerUrlOptions());
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
        this.stateDir = requireNonNull(stateDir, "stateDir is null");
    }

    public synchronized SimulatedHost start() {
        JmsTransport transport = new JmsTransport(hostId, JmsSettings.of(brokerUrl, user, password));
        HostAgent agent = new HostAgent(
                hostId,
                dataplane,
                new StateStore(stateDir),
                outboxFaults.apply(transport::send),
                new SimpleMeterRegistry());
        runtime = new AgentRuntime(agent, transport, timing.resyncPeriod(), timing.heartbeatPeriod());
        runtime.start();
        return this;
    }

    /** Wraps what the agent sends to the server, e.g. to lose or duplicate acks. */
    public SimulatedHost withOutboxFaults(UnaryOperator<AgentOutbox> faults) {
        this.outboxFaults = requireNonNull(faults, "faults is null");
        return this;
    }

    public synchronized void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    public synchronized boolean running() {
        return runtime != null;
    }

    public String hostId() {
        return hostId;
    }

    public synchronized HostAgent agent() {
        return runtime.agent();
    }

    public InMemoryDataplane dataplane() {
        return dataplane;
    }

    @Override
    public void close() {
        stop();
    }
}
