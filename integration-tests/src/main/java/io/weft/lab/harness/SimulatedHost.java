package io.weft.lab.harness;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.AgentOutbox;
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
    private final Set<String> taps = new HashSet<>();
    private long repairsOfEarlierRuns;
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
            repairsOfEarlierRuns += runtime.agent().driftRepairs();
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

    /**
     * As the hypervisor does when VMs start and stop: creates the tap of every NIC the agent was
     * told to wire and removes the taps of NICs it no longer should, so that NIC ports are really
     * plugged and unplugged. Nothing while the agent is down.
     */
    public synchronized void plugTaps() {
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
    public synchronized long driftRepairs() {
        return repairsOfEarlierRuns + (runtime == null ? 0 : runtime.agent().driftRepairs());
    }

    /**
     * Edits the dataplane behind the agent's back, with the tools' own commands: empties one of its
     * chains and slips a stranger's address into one of its sets. Returns how many entries now
     * differ from what the agent holds, as its read-back sees them (none on a host with nothing
     * programmed, or while the agent is down).
     */
    public synchronized int tamper(SplittableRandom random) {
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
