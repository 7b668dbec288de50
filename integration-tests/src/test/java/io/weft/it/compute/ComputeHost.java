package io.weft.it.compute;

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
 * A hypervisor as the compute side sees it: the real agent and JMS transport over the server's
 * broker, an in-memory dataplane, and a hand that makes the VM's tap appear, as the hypervisor does
 * when it starts the VM.
 */
final class ComputeHost implements AutoCloseable {
    private final InMemoryDataplane dataplane = new InMemoryDataplane();
    private final AgentRuntime runtime;

    ComputeHost(String hostId, String brokerUrl, String user, String password, Path stateDir) {
        JmsTransport transport = new JmsTransport(
                hostId,
                JmsSettings.of(
                        brokerUrl + "?reconnectAttempts=-1&retryInterval=200&maxRetryInterval=2000", user, password));
        HostAgent agent =
                new HostAgent(hostId, dataplane, new StateStore(stateDir), transport::send, new SimpleMeterRegistry());
        runtime = new AgentRuntime(agent, transport, Duration.ofSeconds(2), Duration.ofMillis(500));
        runtime.start();
    }

    /** The hypervisor creates the VM's tap; the agent notices and plugs it. */
    void startVm(String tapDevice) {
        dataplane.host().addTap(tapDevice, 1500);
        runtime.devicesChanged();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
