package io.weft.it.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.agent.core.AgentOutbox;
import io.weft.it.orchestration.FaultLedger.Kind;
import io.weft.lab.harness.SimulatedHost;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.state.HostDesiredState;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.broker.MessageBroker;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.FleetStore;
import io.weft.server.dispatch.HostChannelDecorator;
import io.weft.server.dispatch.HostModelBuilder;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import io.weft.server.topology.ZoneView;
import io.weft.spec.host.HostMessage;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Faults at scale (issue 14): a few hundred simulated hosts (the real agent over the server's
 * broker, each with its in-memory dataplane) while a seeded random tenant workload goes through
 * both real APIs over HTTP and the run kills and restarts the server, the broker and agents, cuts
 * the server's PostgreSQL connections, drops, duplicates and delays messages both ways, and edits
 * hosts' dataplanes behind their agents' backs. At quiescence: every committed change reads back
 * through the APIs, every agent's state and every dataplane equal a fresh compile from the
 * database, no deleted NIC holds an address and no deleted network a segment, and no thread of the
 * run is left.
 *
 * <p>CI runs one round of {@value #CI_OPERATIONS} operations on {@value #CI_HOSTS} hosts. {@code
 * ./weft soak} runs the same test for longer: {@code -Dweft.soak.minutes=M} repeats rounds, each
 * with the whole fault schedule, until M minutes have passed; {@code -Dweft.chaos.hosts=N} and
 * {@code -Dweft.chaos.seed=S} size and seed it.
 */
class ChaosConvergenceTest {
    private static final int CI_HOSTS = 200;
    private static final int CI_OPERATIONS = 400;
    private static final long DEFAULT_SEED = 20261205L;
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(3);
    /** The threads a run starts: agents, the server's pools, the broker, the relay, the chaos timers. */
    private static final Pattern RUN_THREADS =
            Pattern.compile("(?i).*(weft|activemq|artemis|hikari|qtp|db-proxy|chaos|jetty).*");
    /**
     * Artemis' shared Netty event loop of the client side, which it keeps for the JVM while any
     * connector still holds it: a long run sometimes leaves it alive after every agent and the
     * server closed (an open finding in docs/reliability.md). It is counted and printed, not
     * failed on, so the check still catches every thread of Weft's own.
     */
    private static final Pattern SHARED_CLIENT_LOOP = Pattern.compile("ActiveMQ-client-netty-threads.*");

    @TempDir
    Path dir;

    private final int hostCount = Integer.getInteger("weft.chaos.hosts", CI_HOSTS);
    private final int operationsPerRound = Integer.getInteger("weft.chaos.operations", CI_OPERATIONS);
    private final long soakMinutes = Long.getLong("weft.soak.minutes", 0);
    private final long seed = Long.getLong("weft.chaos.seed", DEFAULT_SEED);
    private final SplittableRandom random = new SplittableRandom(seed);
    private final ChaosChannel chaos = new ChaosChannel(seed);
    private final FaultLedger faults = new FaultLedger();
    private final ScheduledExecutorService lateReplies = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-late-replies");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SimulatedHost> agents = new TreeMap<>();
    private ChaosDatabase database;
    private WeftConfig config;
    private WeftServer server;
    private ApiKeys adminKeys;
    private ApiKeys tenantKeys;
    private ChaosWorkload workload;
    private CloudStackClient tenantClient;
    private Ec2Client ec2;

    @AfterEach
    void stop() throws Exception {
        closeEverything();
    }

    @Test
    void committedChangesSurviveServerBrokerAgentDatabaseAndDataplaneFaultsOnHundredsOfHosts() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        long started = System.nanoTime();
        database = ChaosDatabase.create();
        config = serverConfig();
        startServer();
        workload = setUpFleetAndTenant();
        workload.setUp();
        long setUp = System.nanoTime();

        int operations = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(soakMinutes);
        do {
            for (int op = 0; op < operationsPerRound; op++, operations++) {
                workload.step();
                injectFaults(op);
            }
        } while (System.nanoTime() < deadline);
        long workloadDone = System.nanoTime();
        System.out.println("chaos: " + workload.log.summary());

        chaos.on.set(false);
        agents.values().stream().filter(a -> !a.running()).forEach(SimulatedHost::start);
        awaitEveryHostAndDataplaneEqualsItsFreshCompile();
        long converged = System.nanoTime();

        BeliefReadBack.check(workload.belief, tenantClient, ec2);
        nothingLeakedInTheDatabase(workload.belief);
        long driftRepairs =
                agents.values().stream().mapToLong(SimulatedHost::driftRepairs).sum();
        faults.count(Kind.UPDATE_DROPPED, chaos.dropped.get());
        faults.count(Kind.UPDATE_DUPLICATED, chaos.duplicated.get());
        faults.count(Kind.UPDATE_DELAYED, chaos.delayed.get());
        int dataplaneEntries = agents.values().stream()
                .mapToInt(a -> a.agent().state().desired().size())
                .sum();

        System.out.printf(
                "chaos: %d hosts, seed %d, %d operations (set-up %d s, workload %d s, convergence %d s);"
                        + " %d dataplane entries compared; %d drifted entries repaired by periodic passes%n",
                hostCount,
                seed,
                operations,
                seconds(started, setUp),
                seconds(setUp, workloadDone),
                seconds(workloadDone, converged),
                dataplaneEntries,
                driftRepairs);
        System.out.println("chaos: " + faults.line());
        closeEverything();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runThreadsLeft(before))
                .as("threads of the run still alive")
                .allMatch(name -> SHARED_CLIENT_LOOP.matcher(name).matches()));
        System.out.println("chaos: Artemis shared client loop threads left: "
                + runThreadsLeft(before).size());

        assertThat(workload.log.committedCount()).isGreaterThan(operations / 2);
        assertThat(driftRepairs).as("entries the agents repaired").isPositive();
        for (Kind kind : Kind.values()) {
            assertThat(faults.get(kind)).as("faults of kind %s", kind).isPositive();
        }
    }

    /** Fixed ports, so that clients and agents find the server again after it restarts. */
    private WeftConfig serverConfig() throws IOException {
        Map<String, String> settings = new HashMap<>(database.serverSettings());
        settings.putAll(Map.of(
                "dataDir",
                dir.resolve("server").toString(),
                "http.port",
                Integer.toString(freePort()),
                "broker.port",
                Integer.toString(freePort()),
                "ec2.port",
                Integer.toString(freePort()),
                "dispatch.ackTimeout",
                "1s",
                "dispatch.maxRetryBackoff",
                "4s",
                "dispatch.leaseDuration",
                "3s",
                "shutdown.gracePeriod",
                "1s"));
        return WeftConfig.of(settings);
    }

    private void awaitEveryHostAndDataplaneEqualsItsFreshCompile() {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    agents.values().forEach(SimulatedHost::plugTaps);
                    Map<String, HostDesiredState> compiled = freshCompile();
                    assertThat(compiled.keySet()).containsExactlyInAnyOrderElementsOf(agents.keySet());
                    for (Map.Entry<String, HostDesiredState> host : compiled.entrySet()) {
                        SimulatedHost agent = agents.get(host.getKey());
                        assertThat(agent.agent().state().hash())
                                .as("applied hash of host %s", host.getKey())
                                .isEqualTo(host.getValue().hash());
                        // What is on the host, read back as the agent reads it: nothing missing, nothing
                        // left over (a chain, set, port or flow of a deleted NIC or group would show here).
                        assertThat(StateDiff.diff(agent.dataplane().readBack().state(), host.getValue()))
                                .as("dataplane of host %s against its fresh compile", host.getKey())
                                .isEmpty();
                    }
                });
    }

    /** The operator's part: zone, hosts with their agents, a tenant with keys for both APIs. */
    private ChaosWorkload setUpFleetAndTenant() {
        Caller root = service(TenancyBootstrap.class).run();
        ZoneView zone = service(ZoneService.class).create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5999));
        List<String> hostIds = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            AddedHost added = service(HostService.class)
                    .add(
                            root,
                            new HostSpec(
                                    zone.id(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    "hv" + i,
                                    "10.251." + (i / 200) + "." + (i % 200 + 1),
                                    HypervisorType.KVM));
            String hostId = added.host().id().toString();
            hostIds.add(hostId);
            agents.put(
                    hostId,
                    new SimulatedHost(
                                    hostId,
                                    server.brokerUrl(),
                                    added.credential().user(),
                                    added.credential().secret(),
                                    dir.resolve("agent-" + i))
                            .withOutboxFaults(this::faultyReplies)
                            .start());
        }
        adminKeys = ApiKeys.fromCredentialsFile(server.adminCredentialsFile());
        tenantKeys = CloudStackTenants.create(CloudStackClient.of(server.cloudStackUri(), adminKeys), "chaos");
        CloudStackClient admin = connectClients();
        String domainId = admin.ok("listDomains", "name", "ROOT")
                .get("domain")
                .get(0)
                .get("id")
                .asText();
        String offering = tenantClient
                .ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
        workload = new ChaosWorkload(
                random,
                tenantClient,
                admin,
                ec2,
                new ChaosWorkload.Fixture(zone.id().toString(), domainId, "chaos", offering, hostIds),
                hostCount * 2);
        return workload;
    }

    /** CloudStack clients for the root admin and the tenant, and the tenant's EC2 client; returns the admin's. */
    private CloudStackClient connectClients() {
        if (ec2 != null) {
            ec2.close();
        }
        CloudStackClient admin = CloudStackClient.of(server.cloudStackUri(), adminKeys);
        tenantClient = admin.as(tenantKeys);
        ec2 = Ec2Client.builder()
                .endpointOverride(server.ec2Uri().orElseThrow())
                .region(Region.of("weft-test-1"))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(tenantKeys.apiKey(), tenantKeys.secretKey())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return admin;
    }

    /** The round's fault schedule, by the operation's place in the round. */
    private void injectFaults(int op) throws Exception {
        int round = operationsPerRound;
        if (op % 10 == 0) {
            agents.values().forEach(SimulatedHost::plugTaps); // VMs' taps come and go as the hypervisor runs them
        }
        if (op % 40 == 20) {
            restartSomeAgents(3);
        }
        if (op % 40 == 0) {
            editDataplanes(3);
        }
        if (op == round / 4 || op == 3 * round / 4) {
            restartBroker();
        }
        if (op == round / 2) {
            restartServer();
        }
        if (op == round / 3 || op == 5 * round / 6) {
            cutDatabase();
        }
    }

    private AgentOutbox faultyReplies(AgentOutbox outbox) {
        return (HostMessage message) -> {
            if (!chaos.on.get()) {
                outbox.send(message);
                return;
            }
            int dice;
            synchronized (random) {
                dice = random.nextInt(100);
            }
            if (dice < 5) {
                faults.count(Kind.REPLY_DROPPED);
            } else if (dice < 10) {
                faults.count(Kind.REPLY_DUPLICATED);
                outbox.send(message);
                outbox.send(message);
            } else if (dice < 15) {
                faults.count(Kind.REPLY_DELAYED);
                lateReplies.schedule(() -> sendQuietly(outbox, message), 50L + dice * 40L, TimeUnit.MILLISECONDS);
            } else {
                outbox.send(message);
            }
        };
    }

    private static void sendQuietly(AgentOutbox outbox, HostMessage message) {
        try {
            outbox.send(message);
        } catch (RuntimeException e) {
            // a late reply that finds its agent stopped is one more lost message
        }
    }

    private void restartSomeAgents(int count) {
        List<SimulatedHost> all = new ArrayList<>(agents.values());
        for (int i = 0; i < count; i++) {
            SimulatedHost agent = all.get(random.nextInt(all.size()));
            agent.stop();
            agent.start();
            faults.count(Kind.AGENT_RESTART);
        }
    }

    /** Edits {@code count} hosts that have something programmed (most of a large fleet may not, early on). */
    private void editDataplanes(int count) {
        List<SimulatedHost> all = new ArrayList<>(agents.values());
        int edited = 0;
        for (int tries = 0; edited < count && tries < 20 * count; tries++) {
            int drifted = all.get(random.nextInt(all.size())).tamper(random);
            if (drifted > 0) {
                faults.count(Kind.DATAPLANE_EDIT, drifted);
                edited++;
            }
        }
    }

    private void restartBroker() throws Exception {
        MessageBroker broker = service(MessageBroker.class);
        broker.stop();
        broker.start();
        service(HostService.class).grantAllAgents();
        faults.count(Kind.BROKER_RESTART);
    }

    /** The whole server goes away and a new one starts on the same data directory and database. */
    private void restartServer() {
        server.close();
        startServer();
        CloudStackClient admin = connectClients();
        workload.useClients(tenantClient, admin, ec2);
        faults.count(Kind.SERVER_RESTART);
    }

    /** Every connection between the server and PostgreSQL reset, and none possible, for a while. */
    private void cutDatabase() throws Exception {
        database.link().cut();
        faults.count(Kind.DATABASE_CUT);
        Thread.sleep(DATABASE_OUTAGE.toMillis()); // the dispatcher, inbox and heartbeats meet the outage
        database.link().restore();
    }

    private void startServer() {
        server = WeftServer.builder(config)
                .overrideWith(binder -> binder.bind(HostChannelDecorator.class).toInstance(chaos))
                .start();
    }

    /** Every host's state compiled from scratch from what the database holds now. */
    private Map<String, HostDesiredState> freshCompile() {
        List<FleetChange> everything = service(SessionFactory.class)
                .fromTransaction(session -> new FleetStore(DispatchSettings.defaults()).loadAll(session));
        FleetModel fleet = new FleetModel();
        everything.forEach(change -> change.applyTo(fleet));
        Map<String, HostDesiredState> states = new HashMap<>();
        for (String hostId : fleet.hostIds()) {
            states.put(
                    hostId,
                    HostCompiler.compile(HostModelBuilder.build(fleet, hostId).orElseThrow()));
        }
        return states;
    }

    /** No address held by a NIC that is gone, no segment held by a network that is gone. */
    private void nothingLeakedInTheDatabase(WorkloadBelief belief) throws Exception {
        List<String> nics = database.column("SELECT uuid FROM nics");
        Set<String> vmNics = new HashSet<>();
        belief.vms.values().forEach(vm -> vmNics.add(vm.nicId()));
        Presence.allOf(nics, vmNics, "NICs holding an address");
        Presence.noneOf(nics, belief.deletedNicUuids, "NICs of destroyed VMs");
        assertThat(nics).as("NIC rows").hasSize(vmNics.size() + belief.enis.size());
        Set<String> eniDigits = new HashSet<>();
        nics.forEach(uuid -> eniDigits.add("eni-" + uuid.replace("-", "").substring(0, 17)));
        Presence.noneOf(eniDigits, belief.deletedEnis, "deleted interfaces");
        Presence.allOf(eniDigits, belief.enis.keySet(), "interfaces");
        Presence.noneOf(
                database.column("SELECT n.uuid FROM nic_secondary_addresses a JOIN nics n ON n.id = a.nic_id"),
                belief.deletedNicUuids,
                "secondary addresses of NICs that are gone");

        List<String> segmented = database.column("SELECT uuid FROM networks WHERE segment_id IS NOT NULL");
        Presence.allOf(segmented, belief.csNetworks.keySet(), "networks holding a segment");
        Presence.noneOf(segmented, belief.deletedCsNetworks, "deleted networks holding a segment");
        assertThat(segmented).as("segments held").hasSize(belief.csNetworks.size() + belief.subnets.size());
    }

    /** Threads started by this run (not the JVM's or surefire's) that are still alive. */
    private static List<String> runThreadsLeft(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .filter(name -> RUN_THREADS.matcher(name).matches())
                .toList();
    }

    private void closeEverything() throws Exception {
        agents.values().forEach(SimulatedHost::close);
        agents.clear();
        if (ec2 != null) {
            ec2.close();
            ec2 = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        lateReplies.shutdownNow();
        chaos.close();
        if (database != null) {
            database.close();
            database = null;
        }
        // The agents' JMS clients share Artemis' JVM-wide pools; with every agent gone, release them.
        ActiveMQClient.clearThreadPools();
    }

    private <T> T service(Class<T> type) {
        return server.injector().getInstance(type);
    }

    private static long seconds(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(toNanos - fromNanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
