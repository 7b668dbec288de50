package io.weft.agent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentRuntime;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.Dataplane;
import io.weft.agent.dataplane.linux.LinkMonitor;
import io.weft.agent.dataplane.linux.LinuxDataplane;
import io.weft.agent.dataplane.linux.LinuxHostConfig;
import io.weft.agent.dataplane.memory.InMemoryDataplane;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.agent.state.StateStore;
import io.weft.agent.transport.JmsSettings;
import io.weft.agent.transport.JmsTransport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code weft agent}: one host agent, stopped gracefully on SIGTERM/SIGINT, leaving the dataplane as is. */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(AgentConfig.help());
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfig.load(arguments, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("weft agent: " + e.getMessage());
            System.err.print(AgentConfig.help());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AgentRuntime runtime = build(config);
        Optional<LinkMonitor> monitor = config.dataplane() == AgentConfig.DataplaneKind.LINUX
                ? Optional.of(LinkMonitor.start(config.namespace(), runtime::devicesChanged))
                : Optional.empty();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            monitor.ifPresent(LinkMonitor::close);
            runtime.close();
            stopped.countDown();
        }));
        runtime.start();
        stopped.await();
    }

    /** Wires an agent from its configuration; the one place where the dataplane is chosen. */
    public static AgentRuntime build(AgentConfig config) {
        Dataplane dataplane =
                switch (config.dataplane()) {
                    case LINUX -> new LinuxDataplane(
                            new ProcessCommandRunner(),
                            new LinuxHostConfig(
                                    config.ovsDb(),
                                    config.ovsRunDir(),
                                    config.ovsVswitchdControl(),
                                    config.namespace(),
                                    config.integrationBridge(),
                                    config.vethMtu(),
                                    config.commandTimeout()));
                    case MEMORY -> new InMemoryDataplane();
                };
        JmsTransport transport = new JmsTransport(
                config.hostId(), JmsSettings.of(config.brokerUrl(), config.username(), config.password()));
        HostAgent agent = new HostAgent(
                config.hostId(),
                dataplane,
                new StateStore(config.stateDir()),
                transport::send,
                new SimpleMeterRegistry());
        return new AgentRuntime(agent, transport, config.resyncPeriod(), config.heartbeatPeriod());
    }
}
