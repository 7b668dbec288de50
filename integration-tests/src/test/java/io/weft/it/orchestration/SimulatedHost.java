package io.weft.it.orchestration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentRuntime;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.memory.InMemoryDataplane;
import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.state.StateStore;
import io.weft.agent.transport.JmsSettings;
import io.weft.agent.transport.JmsTransport;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.NicPortEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

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
    private final Set<String> taps = new HashSet<>();
    private long repairsOfEarlierRuns;
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
            repairsOfEarlierRuns += runtime.agent().driftRepairs();
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

    /**
     * As the hypervisor does when VMs start and stop: creates the tap of every NIC the agent was
     * told to wire and removes the taps of NICs it no longer should, so that NIC ports are really
     * plugged and unplugged. Nothing while the agent is down.
     */
    synchronized void plugTaps() {
        if (runtime == null) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        for (NicPortEntry port : runtime.agent().state().desired().nicPorts()) {
            wanted.add(port.tapDevice());
        }
        for (String tap : wanted) {
            if (taps.add(tap)) {
                dataplane.host().addTap(tap, 1500);
            }
        }
        for (String tap : List.copyOf(taps)) {
            if (!wanted.contains(tap)) {
                taps.remove(tap);
                dataplane.host().removeTap(tap);
            }
        }
    }

    /** Entries the agents of this host repaired in their periodic passes, over every restart. */
    synchronized long driftRepairs() {
        return repairsOfEarlierRuns + (runtime == null ? 0 : runtime.agent().driftRepairs());
    }

    /**
     * Edits the dataplane behind the agent's back, with the tools' own commands: empties one of its
     * chains and slips a stranger's address into one of its sets. Returns how many entries now
     * differ from what the agent holds, as its read-back sees them (none on a host with nothing
     * programmed, or while the agent is down).
     */
    synchronized int tamper(SplittableRandom random) {
        if (runtime == null) {
            return 0;
        }
        HostDesiredState desired = runtime.agent().state().desired();
        int edits = 0;
        List<ChainEntry> chains = desired.chains("ipv4");
        if (!chains.isEmpty()) {
            ChainEntry chain = chains.get(random.nextInt(chains.size()));
            edits += succeeded(Command.of("iptables", "-F", chain.name()));
        }
        List<IpSetEntry> sets = desired.ipSets().stream()
                .filter(set -> set.family().equals("inet"))
                .toList();
        if (!sets.isEmpty()) {
            IpSetEntry set = sets.get(random.nextInt(sets.size()));
            edits += succeeded(Command.of("ipset", "add", set.name(), "192.0.2." + (1 + random.nextInt(254))));
        }
        return edits == 0
                ? 0
                : StateDiff.diff(dataplane.readBack().state(), desired).size();
    }

    private int succeeded(Command command) {
        CommandResult result = dataplane.host().run(command);
        return result.exitCode() == 0 ? 1 : 0;
    }

    @Override
    public void close() {
        stop();
    }
}
