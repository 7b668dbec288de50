package io.weft.lab.harness;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentRuntime;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.linux.LinkMonitor;
import io.weft.agent.dataplane.linux.LinuxDataplane;
import io.weft.agent.dataplane.linux.LinuxHostConfig;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.agent.state.StateStore;
import io.weft.agent.transport.JmsSettings;
import io.weft.agent.transport.JmsTransport;
import io.weft.lab.infra.Hypervisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The real host agent of one lab hypervisor, run in this JVM: the Linux driver programs the
 * hypervisor's namespace and OVS, the JMS transport logs in to the server's broker with the host's
 * own credential, and a link monitor in the namespace reconciles as soon as a tap appears, as the
 * agent's {@code main} does on a real host.
 */
public final class LabAgent implements AutoCloseable {
    private static final Duration RESYNC_PERIOD = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(1);

    private final Hypervisor hypervisor;
    private final String hostId;
    private final AgentRuntime runtime;
    private final LinkMonitor links;

    private LabAgent(Hypervisor hypervisor, String hostId, AgentRuntime runtime, LinkMonitor links) {
        this.hypervisor = hypervisor;
        this.hostId = hostId;
        this.runtime = runtime;
        this.links = links;
    }

    /**
     * Starts the agent for {@code hypervisor} as host {@code hostId}.
     *
     * @param brokerUrl the server's broker, e.g. {@code tcp://127.0.0.1:40123}
     * @param bridge the integration bridge the server's host models name
     */
    public static LabAgent start(
            Hypervisor hypervisor,
            String hostId,
            String brokerUrl,
            String user,
            String password,
            String bridge,
            Path stateDir) {
        requireNonNull(hypervisor, "hypervisor is null");
        LinuxDataplane dataplane = new LinuxDataplane(
                new ProcessCommandRunner(),
                LinuxHostConfig.forRunDir(hypervisor.runDir(), Optional.of(hypervisor.namespace()), bridge));
        // Retry forever: a lab agent must survive the broker being slow to accept it under load.
        JmsTransport transport = new JmsTransport(
                hostId,
                JmsSettings.of(
                        brokerUrl + "?reconnectAttempts=-1&retryInterval=200&maxRetryInterval=2000", user, password));
        HostAgent agent =
                new HostAgent(hostId, dataplane, new StateStore(stateDir), transport::send, new SimpleMeterRegistry());
        AgentRuntime runtime = new AgentRuntime(agent, transport, RESYNC_PERIOD, HEARTBEAT_PERIOD);
        runtime.start();
        LinkMonitor links = LinkMonitor.start(Optional.of(hypervisor.namespace()), runtime::devicesChanged);
        return new LabAgent(hypervisor, hostId, runtime, links);
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    public String hostId() {
        return hostId;
    }

    public HostAgent agent() {
        return runtime.agent();
    }

    /** Reconcile now, e.g. right after a tap was created, instead of waiting for the link event. */
    public void devicesChanged() {
        runtime.devicesChanged();
    }

    /** Stops the agent; the dataplane stays as programmed (fail-static) until the lab is closed. */
    @Override
    public void close() {
        try {
            links.close();
        } finally {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "agent " + hostId + " on " + hypervisor.name();
    }
}
