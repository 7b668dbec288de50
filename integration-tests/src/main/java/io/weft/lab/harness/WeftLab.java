package io.weft.lab.harness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.lab.infra.HostProcesses;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.lab.infra.LabSweeper;
import io.weft.lab.infra.Vm;
import io.weft.lab.infra.VmSpec;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.compute.TapNames;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.HostConvergence;
import io.weft.server.dispatch.HostSyncState;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole system on one machine: an in-JVM Weft server (own temporary data directory, free
 * ports, netdev datapath), a namespace {@link Lab}, and one real agent per hypervisor that logs in
 * to the server's broker with its host's credential. VMs are lab VMs built from the NICs Weft
 * registered, so the tap the agent looks for is the tap the lab created. Closing removes all of it.
 */
public final class WeftLab implements AutoCloseable {
    /** The integration bridge the server names in host models and the agents manage. */
    public static final String BRIDGE = "br-int";

    private static final Duration SETTLE = Duration.ofMillis(400);

    private final Path directory;
    private final WeftServer server;
    private final Lab lab;
    private final CloudStackClient admin;
    private final Map<String, LabAgent> agentsByHost = new LinkedHashMap<>();
    private boolean closed;

    private WeftLab(Path directory, WeftServer server, Lab lab, CloudStackClient admin) {
        this.directory = directory;
        this.server = server;
        this.lab = lab;
        this.admin = admin;
    }

    /** Starts the server and an empty lab; on any failure, stops what already started. */
    public static WeftLab start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("weft-lab-server");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a data directory", e);
        }
        WeftServer server = null;
        Lab lab = null;
        try {
            // Every port free (the EC2 listener's default 8788 would clash between labs).
            server = WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(directory.resolve("server"))
                    .with("dispatch.datapathType", "netdev")
                    .with("dispatch.integrationBridge", BRIDGE)
                    // Short, so a lost update is re-sent within the lab's patience.
                    .with("dispatch.ackTimeout", "2s")
                    .asMap()));
            lab = Lab.start();
            return new WeftLab(directory, server, lab, adminApi(server));
        } catch (RuntimeException e) {
            closeQuietly(lab, e);
            closeQuietly(server, e);
            LabSweeper.deleteRecursively(directory);
            throw e;
        }
    }

    /** The root admin; forms by POST keep long rule and group lists out of the URL length limit. */
    private static CloudStackClient adminApi(WeftServer server) {
        return CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()))
                .sendingForms();
    }

    public WeftServer server() {
        return server;
    }

    public Lab lab() {
        return lab;
    }

    /** The root admin, over the CloudStack API. */
    public CloudStackClient admin() {
        return admin;
    }

    public ConvergenceQueries dispatcher() {
        return server.injector().getInstance(ConvergenceQueries.class);
    }

    public synchronized List<LabAgent> agents() {
        return List.copyOf(agentsByHost.values());
    }

    public synchronized LabAgent agent(String hostId) {
        return requireNonNull(agentsByHost.get(hostId), () -> "no agent for host " + hostId);
    }

    /** Starts the real agent of a hypervisor that Weft knows as {@code hostId}. */
    public synchronized LabAgent runAgent(Hypervisor hypervisor, String hostId, String user, String secret) {
        if (agentsByHost.containsKey(hostId)) {
            throw new IllegalArgumentException("host " + hostId + " already has an agent");
        }
        LabAgent agent = LabAgent.start(
                hypervisor,
                hostId,
                server.brokerUrl(),
                user,
                secret,
                BRIDGE,
                directory.resolve("agents").resolve(hypervisor.name()));
        agentsByHost.put(hostId, agent);
        return agent;
    }

    /**
     * Registers a new lab hypervisor as a Weft host through the topology service (its tunnel
     * address is its underlay address) and starts its agent with the credential Weft issued.
     */
    public LabAgent addHost(Caller caller, UUID zoneId, Optional<UUID> podId, Optional<UUID> clusterId, String name) {
        Hypervisor hypervisor = lab.addHypervisor(name);
        AddedHost added = server.injector()
                .getInstance(HostService.class)
                .add(caller, new HostSpec(zoneId, podId, clusterId, name, hypervisor.underlayIp(), HypervisorType.KVM));
        return runAgent(
                hypervisor,
                added.host().id().toString(),
                added.credential().user(),
                added.credential().secret());
    }

    /**
     * Creates the lab VM behind a NIC that Weft registered (a CloudStack {@code nic} object): the
     * tap is the NIC's, and so are MAC, address and prefix. The hypervisor's agent is told at once,
     * rather than waiting for the link event, that a device appeared.
     */
    public Vm plugVm(Hypervisor hypervisor, String name, JsonNode nic) {
        String nicId = nic.path("id").asText();
        VmSpec spec = VmSpec.of(
                name,
                TapNames.of(UUID.fromString(nicId)),
                nic.path("macaddress").asText(),
                nic.path("ipaddress").asText() + "/"
                        + prefixLength(nic.path("netmask").asText()));
        Vm vm = lab.addVm(hypervisor, spec);
        agents().stream().filter(a -> a.hypervisor() == hypervisor).forEach(LabAgent::devicesChanged);
        return vm;
    }

    static int prefixLength(String netmask) {
        int bits = 0;
        for (String octet : netmask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(octet));
        }
        return bits;
    }

    /** Waits until every listed fleet change is applied on every host it reached. */
    public void awaitApplied(List<Long> changeIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long changeId : changeIds) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            ChangeStatus status = dispatcher().awaitApplied(changeId, left);
            if (!status.live()) {
                throw new IllegalStateException("change " + changeId + " not applied within " + timeout + ": "
                        + (status.dispatched() ? "waiting for " + status.waitingFor() : "not dispatched"));
            }
        }
    }

    /**
     * Waits until the fleet is at rest: every host in sync with the hash its agent holds, no NIC
     * waiting for its tap, and nothing new sent for a settle period (so that a change committed just
     * before the call, but not yet dispatched, is not missed).
     */
    public void awaitConverged(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> previous = Map.of();
        String why = "not checked";
        while (System.nanoTime() < deadline) {
            dispatcher().nudge();
            HostProcesses.sleep(SETTLE);
            Map<String, String> now = new LinkedHashMap<>();
            why = convergenceProblem(now);
            if (why.isEmpty() && now.equals(previous)) {
                return;
            }
            previous = why.isEmpty() ? now : Map.of();
        }
        throw new IllegalStateException("not converged within " + timeout + ": " + why);
    }

    /** Empty when converged; fills {@code desiredByHost} with what each host was last sent. */
    private String convergenceProblem(Map<String, String> desiredByHost) {
        List<HostConvergence> hosts = dispatcher().hosts();
        List<String> problems = new ArrayList<>();
        for (LabAgent agent : agents()) {
            Optional<HostConvergence> convergence = hosts.stream()
                    .filter(h -> h.hostId().equals(agent.hostId()))
                    .findFirst();
            if (convergence.isEmpty()) {
                problems.add(agent.hypervisor().name() + " unknown to the dispatcher");
                continue;
            }
            HostConvergence host = convergence.get();
            desiredByHost.put(host.hostId(), host.desired() + "/" + host.desiredHash());
            if (host.state() != HostSyncState.IN_SYNC) {
                problems.add(agent.hypervisor().name() + " " + host.state()
                        + host.lastError().map(e -> " (" + e + ")").orElse(""));
            } else if (!agent.agent().state().hash().equals(host.desiredHash())) {
                problems.add(agent.hypervisor().name() + " holds another hash than the server sent");
            } else if (!agent.agent().pendingNics().isEmpty()) {
                problems.add(agent.hypervisor().name() + " waits for taps of "
                        + agent.agent().pendingNics());
            }
        }
        return String.join("; ", problems);
    }

    /** Stops agents, then the lab (namespaces, daemons), then the server; keeps going past failures. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new IllegalStateException("Weft lab did not close cleanly");
        for (LabAgent agent : agentsByHost.values()) {
            closeQuietly(agent, failure);
        }
        closeQuietly(lab, failure);
        closeQuietly(server, failure);
        try {
            LabSweeper.deleteRecursively(directory);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException collector) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            collector.addSuppressed(e);
        }
    }
}
