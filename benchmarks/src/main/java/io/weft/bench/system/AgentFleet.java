package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import io.weft.bench.system.LoadTarget.AgentLogin;
import io.weft.lab.harness.SimulatedHost;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.HostConvergence;
import io.weft.server.dispatch.HostSyncState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many hypervisors in this JVM: for each host the real agent (core, runtime and JMS transport,
 * logged in as that host's agent) over the in-memory dataplane, attached to the server's broker.
 * What each costs is measured around the start ({@link FleetCost}).
 */
public final class AgentFleet implements AutoCloseable {
    /**
     * The settings a thousand agents in one JVM run with. Every agent keeps its own supervisor and
     * scheduler thread (the agent's code); the Artemis client already shares its thread pools
     * across connections (useGlobalPools, the default), so connections cost no threads of their own.
     * A real deployment's heartbeat is seconds, not the tests' half second: at 1,000 hosts a 5 s
     * heartbeat is 200 messages/s into the manager's inbox. The resync (drift repair) runs every
     * minute, as an agent on a real host might; on the in-memory dataplane it finds nothing to do.
     */
    public static final SimulatedHost.Timing FLEET_TIMING = new SimulatedHost.Timing(
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            "reconnectAttempts=-1&retryInterval=500&maxRetryInterval=5000&useGlobalPools=true");

    private final List<SimulatedHost> hosts;
    private final FleetCost cost;

    private AgentFleet(List<SimulatedHost> hosts, FleetCost cost) {
        this.hosts = List.copyOf(hosts);
        this.cost = cost;
    }

    /**
     * What the agents cost this JVM: live threads and heap after GC, before and after they started
     * and came in sync. The heap includes what the server holds for each host (its broker queue and
     * connection, the dispatcher's sent state), as agents and server share the JVM.
     */
    public record FleetCost(
            int agents,
            int threadsBefore,
            int threadsAfter,
            double threadsPerAgent,
            long heapBeforeBytes,
            long heapAfterBytes,
            double heapPerAgentKiB,
            long startToInSyncMillis,
            Map<String, Integer> largestThreadGroupsAfter) {}

    /**
     * Starts one agent per login, each with a state directory under {@code stateRoot}, and waits
     * until the server shows every host in sync with the agent's applied hash equal to its own.
     */
    public static AgentFleet startInSync(
            String brokerUrl,
            List<AgentLogin> logins,
            Path stateRoot,
            SimulatedHost.Timing timing,
            ConvergenceQueries convergence,
            Duration timeout) {
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(convergence, "convergence is null");
        JvmGauges.Snapshot before = JvmGauges.afterGc();
        long started = System.nanoTime();
        List<SimulatedHost> hosts = new ArrayList<>();
        try {
            for (AgentLogin login : logins) {
                hosts.add(new SimulatedHost(
                                login.hostId(),
                                brokerUrl,
                                login.user(),
                                login.secret(),
                                stateRoot.resolve(login.hostId()),
                                timing)
                        .start());
            }
            AgentFleet unmeasured = new AgentFleet(hosts, null);
            unmeasured.awaitInSync(convergence, timeout);
            long inSyncMillis = (System.nanoTime() - started) / 1_000_000;
            JvmGauges.Snapshot after = JvmGauges.afterGc();
            int n = hosts.size();
            return new AgentFleet(
                    hosts,
                    new FleetCost(
                            n,
                            before.threads(),
                            after.threads(),
                            (after.threads() - before.threads()) / (double) n,
                            before.heapUsedBytes(),
                            after.heapUsedBytes(),
                            (after.heapUsedBytes() - before.heapUsedBytes()) / 1024.0 / n,
                            inSyncMillis,
                            JvmGauges.threadsByName(8)));
        } catch (RuntimeException | Error e) {
            hosts.forEach(SimulatedHost::close);
            throw e;
        }
    }

    /** The agent of {@code hostId}, if this fleet runs it. */
    public Optional<SimulatedHost> host(String hostId) {
        return hosts.stream().filter(host -> host.hostId().equals(hostId)).findFirst();
    }

    public int size() {
        return hosts.size();
    }

    public FleetCost cost() {
        return cost;
    }

    /**
     * Waits until every host is in sync on the server and its agent holds the hash the server
     * compiled for it; throws with the hosts still behind when the timeout passes.
     */
    public void awaitInSync(ConvergenceQueries convergence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> behind = behind(convergence);
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(behind.size() + " of " + hosts.size() + " hosts not in sync after "
                        + timeout + ", e.g. " + behind.subList(0, Math.min(5, behind.size())));
            }
            sleep(Duration.ofMillis(200));
            behind = behind(convergence);
        }
    }

    /**
     * Hosts not shown in sync, or whose agent's applied hash differs from the server's compiled one.
     * The server is asked once for every host; a dispatcher too busy to answer in time (a thousand
     * FULLs being sent) counts every host as behind, to be asked again.
     */
    public List<String> behind(ConvergenceQueries convergence) {
        Map<String, HostConvergence> servers = new HashMap<>();
        try {
            convergence.hosts().forEach(host -> servers.put(host.hostId(), host));
        } catch (IllegalStateException busy) {
            return hosts.stream().map(SimulatedHost::hostId).toList();
        }
        List<String> behind = new ArrayList<>();
        for (SimulatedHost host : hosts) {
            HostConvergence server = servers.get(host.hostId());
            if (server == null
                    || server.state() != HostSyncState.IN_SYNC
                    || !host.agent().state().hash().equals(server.desiredHash())) {
                behind.add(host.hostId());
            }
        }
        return behind;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fleet", e);
        }
    }

    @Override
    public void close() {
        // Closing waits for each agent's threads; in parallel a thousand close in seconds.
        hosts.parallelStream().forEach(SimulatedHost::close);
    }
}
