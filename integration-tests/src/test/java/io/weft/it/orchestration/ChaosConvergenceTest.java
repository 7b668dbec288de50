package io.weft.it.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.agent.core.AgentOutbox;
import io.weft.lab.harness.SimulatedHost;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.state.HostDesiredState;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.broker.MessageBroker;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicSpec;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.FleetStore;
import io.weft.server.dispatch.HostChannelDecorator;
import io.weft.server.dispatch.HostModelBuilder;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NewNetwork;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneView;
import io.weft.spec.host.HostMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's chaos test: 50 hosts, 1,000 random operations through the services, while updates and
 * agents' replies are dropped, duplicated, delayed and reordered, and agents, the broker and the
 * whole server are stopped and restarted at random points. At quiescence every agent's state must
 * equal a fresh compile of its host from the database: nothing committed is missing.
 */
class ChaosConvergenceTest {
    private static final int HOSTS = 50;
    private static final int OPERATIONS = 1_000;
    private static final long SEED = 20261121L;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final ChaosChannel chaos = new ChaosChannel(SEED);
    private final AtomicLong repliesDropped = new AtomicLong();
    private final AtomicLong repliesDuplicated = new AtomicLong();
    private final Map<String, SimulatedHost> agents = new TreeMap<>();
    private WeftConfig config;
    private WeftServer server;

    @AfterEach
    void stop() {
        agents.values().forEach(SimulatedHost::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyHostConvergesToTheCommittedStateThroughLossDuplicationReorderingAndRestarts() throws Exception {
        config = WeftConfig.of(Map.of(
                "dataDir", dir.resolve("server").toString(),
                "http.port", Integer.toString(freePort()),
                "broker.port", Integer.toString(freePort()),
                "ec2.port", "0",
                "dispatch.ackTimeout", "1s",
                "dispatch.maxRetryBackoff", "4s",
                "dispatch.leaseDuration", "3s",
                "shutdown.gracePeriod", "1s"));
        startServer();
        Caller admin = admin();
        ZoneView zone = service(ZoneService.class).create(admin, ServerToAgentsTest.zoneSpec());
        List<UUID> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            AddedHost added = service(HostService.class)
                    .add(
                            admin,
                            new HostSpec(
                                    zone.id(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    "hv" + i,
                                    "10.251." + (i / 200) + "." + (i % 200 + 1),
                                    HypervisorType.KVM));
            UUID hostId = added.host().id();
            hosts.add(hostId);
            agents.put(
                    hostId.toString(),
                    new SimulatedHost(
                                    hostId.toString(),
                                    server.brokerUrl(),
                                    added.credential().user(),
                                    added.credential().secret(),
                                    dir.resolve("agent-" + i))
                            .withOutboxFaults(this::faultyReplies)
                            .start());
        }
        List<UUID> networks = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            networks.add(service(NetworkService.class)
                    .create(admin, NewNetwork.of(zone.id(), "net" + n, "10." + (100 + n) + ".0.0/16"))
                    .value()
                    .id());
        }
        List<UUID> groups = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            groups.add(service(SecurityGroupService.class)
                    .create(
                            admin,
                            new NewSecurityGroup(
                                    Optional.empty(),
                                    "g" + g,
                                    Optional.empty(),
                                    g % 2 == 0 ? EgressPolicy.CLOUDSTACK : EgressPolicy.EC2,
                                    Optional.empty()))
                    .value()
                    .id());
        }
        List<UUID> nics = new ArrayList<>();
        Map<UUID, RuleDirection> rules = new LinkedHashMap<>();
        int committed = 0;
        int refused = 0;

        for (int op = 0; op < OPERATIONS; op++) {
            try {
                operate(admin, hosts, networks, groups, nics, rules);
                committed++;
            } catch (WeftException e) {
                refused++; // e.g. a rule that already exists: refused, nothing changed
            }
            if (op % 100 == 50) {
                restartSomeAgents(3);
            }
            if (op == 300 || op == 700) {
                restartBroker();
            }
            if (op == 500) {
                restartServer();
                admin = admin();
            }
        }

        chaos.on.set(false);
        agents.values().stream().filter(a -> !a.running()).forEach(SimulatedHost::start);
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> expected = freshCompileHashes();
                    for (Map.Entry<String, String> host : expected.entrySet()) {
                        assertThat(agents.get(host.getKey()).agent().state().hash())
                                .as("host %s", host.getKey())
                                .isEqualTo(host.getValue());
                    }
                });

        assertThat(committed).isGreaterThan(OPERATIONS / 2);
        assertThat(chaos.dropped.get()).isPositive();
        assertThat(chaos.duplicated.get()).isPositive();
        assertThat(chaos.delayed.get()).isPositive();
        assertThat(repliesDropped.get()).isPositive();
        assertThat(repliesDuplicated.get()).isPositive();
        System.out.printf(
                "chaos: %d operations committed, %d refused; updates dropped %d, duplicated %d, delayed %d;"
                        + " replies dropped %d, duplicated %d%n",
                committed,
                refused,
                chaos.dropped.get(),
                chaos.duplicated.get(),
                chaos.delayed.get(),
                repliesDropped.get(),
                repliesDuplicated.get());
    }

    /** One random tenant-visible change, through the services, as the APIs would make it. */
    private void operate(
            Caller admin,
            List<UUID> hosts,
            List<UUID> networks,
            List<UUID> groups,
            List<UUID> nics,
            Map<UUID, RuleDirection> rules) {
        NicService nicService = service(NicService.class);
        SecurityGroupService groupService = service(SecurityGroupService.class);
        int kind = random.nextInt(100);
        if (kind < 25 || nics.size() < 20) {
            UUID nic = nicService
                    .create(
                            admin,
                            Optional.empty(),
                            new NicSpec(
                                    pick(networks),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(List.of(GroupRef.id(pick(groups)))),
                                    true,
                                    List.of(),
                                    Optional.empty()))
                    .value()
                    .id();
            nicService.bind(admin, nic, pick(hosts));
            nics.add(nic);
        } else if (kind < 45) {
            nicService.bind(admin, pick(nics), pick(hosts)); // start or move
        } else if (kind < 52) {
            nicService.unbind(admin, pick(nics));
        } else if (kind < 65) {
            List<GroupRef> refs = new ArrayList<>();
            for (UUID group : groups) {
                if (random.nextInt(3) == 0 && refs.size() < 3) {
                    refs.add(GroupRef.id(group));
                }
            }
            nicService.setGroups(admin, pick(nics), refs);
        } else if (kind < 80) {
            RuleRequest rule = random.nextBoolean()
                    ? RuleRequest.tcp(1 + random.nextInt(65000), 65535).fromGroups(GroupRef.id(pick(groups)))
                    : RuleRequest.protocol("udp").fromCidrs("10." + random.nextInt(256) + ".0.0/16");
            RuleDirection direction = random.nextInt(4) == 0 ? RuleDirection.EGRESS : RuleDirection.INGRESS;
            for (RuleView view : groupService
                    .authorize(admin, pick(groups), direction, List.of(rule))
                    .value()) {
                rules.put(view.id(), direction);
            }
        } else if (kind < 92 && !rules.isEmpty()) {
            UUID rule = List.copyOf(rules.keySet()).get(random.nextInt(rules.size()));
            groupService.revoke(admin, List.of(rule), rules.remove(rule));
        } else if (nics.size() > 20) {
            UUID nic = nics.remove(random.nextInt(nics.size()));
            nicService.delete(admin, nic);
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
                repliesDropped.incrementAndGet();
            } else if (dice < 10) {
                repliesDuplicated.incrementAndGet();
                outbox.send(message);
                outbox.send(message);
            } else {
                outbox.send(message);
            }
        };
    }

    private void restartSomeAgents(int count) {
        List<SimulatedHost> all = new ArrayList<>(agents.values());
        for (int i = 0; i < count; i++) {
            SimulatedHost agent = all.get(random.nextInt(all.size()));
            agent.stop();
            agent.start();
        }
    }

    private void restartBroker() throws Exception {
        MessageBroker broker = service(MessageBroker.class);
        broker.stop();
        broker.start();
        service(HostService.class).grantAllAgents();
    }

    private void restartServer() {
        server.close();
        startServer();
    }

    private void startServer() {
        server = WeftServer.builder(config)
                .overrideWith(binder -> binder.bind(HostChannelDecorator.class).toInstance(chaos))
                .start();
    }

    /** Every host's state compiled from scratch from what the database holds now. */
    private Map<String, String> freshCompileHashes() {
        List<FleetChange> everything = service(SessionFactory.class)
                .fromTransaction(session -> new FleetStore(DispatchSettings.defaults()).loadAll(session));
        FleetModel fleet = new FleetModel();
        everything.forEach(change -> change.applyTo(fleet));
        Map<String, String> hashes = new HashMap<>();
        for (String hostId : fleet.hostIds()) {
            HostDesiredState state =
                    HostCompiler.compile(HostModelBuilder.build(fleet, hostId).orElseThrow());
            hashes.put(hostId, state.hash());
        }
        return hashes;
    }

    private Caller admin() {
        return service(TenancyBootstrap.class).run();
    }

    private <T> T service(Class<T> type) {
        return server.injector().getInstance(type);
    }

    private UUID pick(List<UUID> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
