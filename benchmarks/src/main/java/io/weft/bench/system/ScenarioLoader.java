package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.sun.management.OperatingSystemMXBean;
import io.weft.bench.scenario.Scenario;
import io.weft.server.WeftServer;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NewNetwork;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Mutation;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.DomainService;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Loads a {@link Scenario} into a running server through its services, as its API edges would call
 * them: a zone and the hosts ({@code addHost}, which issues each agent's credential), one domain,
 * account and user for the tenant with API keys, the networks with the scenario's VXLAN segments,
 * the groups and their rules (group-referencing rules included), and one VM per NIC with the NIC's
 * address, MAC and groups, placed on its host at registration as a compute side deploying with a
 * host does. Nothing is written around the services: every object comes with its change record,
 * and the server's dispatcher takes them in as it would any API traffic.
 *
 * <p>Two choices make the database equal to {@link io.weft.bench.scenario.ScenarioFleet}'s view:
 * groups have EC2's egress policy (only the listed egress rules, which is what the scenario means)
 * and the allow-all egress rule such a group starts with is revoked; and a group's ingress rules
 * go in one {@code authorize} call and its egress rules in another, the batching the service offers.
 *
 * <p>Hosts, networks and the tenancy are few and made on the calling thread. Groups, rules and VMs
 * are spread over {@code threads} workers: each is its own transaction on rows no other worker
 * touches (addresses and MACs are given, not allocated).
 */
public final class ScenarioLoader {
    private static final Duration DRAIN_TIMEOUT = Duration.ofHours(1);

    private final WeftServer server;
    private final int threads;

    public ScenarioLoader(WeftServer server, int threads) {
        this.server = requireNonNull(server, "server is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, not " + threads);
        }
        this.threads = threads;
    }

    /** The loaded ids and the figures of the load (phases, rates, the dispatcher's catch-up). */
    public record Outcome(LoadedScenario loaded, ScenarioLoadFigures figures) {
        public Outcome {
            requireNonNull(loaded, "loaded is null");
            requireNonNull(figures, "figures is null");
        }
    }

    /**
     * Creates everything in {@code scenario} and waits until the dispatcher has taken in every change
     * record written, so that the database is left as a running server leaves it.
     */
    public Outcome load(Scenario scenario) {
        Caller admin = service(TenancyBootstrap.class).run();
        ChangeIds changes = new ChangeIds();
        PhaseClock clock = new PhaseClock();

        UUID zoneId = service(ZoneService.class).create(admin, zone(scenario)).id();
        List<LoadedScenario.LoadedHost> hosts = new ArrayList<>();
        for (Scenario.Host host : scenario.hosts()) {
            AddedHost added = service(HostService.class)
                    .add(
                            admin,
                            new HostSpec(
                                    zoneId,
                                    Optional.empty(),
                                    Optional.empty(),
                                    host.name(),
                                    host.underlayIp(),
                                    HypervisorType.KVM));
            hosts.add(new LoadedScenario.LoadedHost(
                    added.host().id(),
                    added.credential().user(),
                    added.credential().secret()));
        }
        clock.lap("hosts");

        LoadedScenario.Tenant tenant = tenant(admin, scenario);
        List<UUID> networks = new ArrayList<>();
        for (Scenario.Network network : scenario.networks()) {
            networks.add(changes.keep(service(NetworkService.class)
                            .create(
                                    admin,
                                    NewNetwork.of(zoneId, network.name(), network.cidr())
                                            .forAccount(tenant.accountId())
                                            .withIsolation(IsolationType.VXLAN, Optional.of((long) network.vni()))))
                    .id());
        }
        clock.lap("tenant and networks");

        SecurityGroupService groupService = service(SecurityGroupService.class);
        List<UUID> groups = parallel(scenario.groups().size(), g -> {
            SecurityGroupView created = changes.keep(groupService.create(
                    admin,
                    new NewSecurityGroup(
                            Optional.of(tenant.accountId()),
                            scenario.group(g).name(),
                            Optional.empty(),
                            EgressPolicy.EC2,
                            Optional.empty())));
            // Only the scenario's egress rules: the allow-all rule an EC2 group starts with goes.
            List<UUID> allowAll = created.egress().stream().map(RuleView::id).toList();
            changes.keep(groupService.revoke(admin, allowAll, RuleDirection.EGRESS));
            return created.id();
        });
        clock.lap("groups");

        parallel(scenario.groups().size(), g -> {
            for (RuleDirection direction : RuleDirection.values()) {
                List<RuleRequest> rules = scenario.group(g).rules().stream()
                        .filter(rule -> rule.ingress() == (direction == RuleDirection.INGRESS))
                        .map(rule -> request(rule, groups))
                        .toList();
                if (!rules.isEmpty()) {
                    changes.keep(groupService.authorize(admin, groups.get(g), direction, rules));
                }
            }
            return g;
        });
        clock.lap("rules");

        VirtualMachineService vmService = service(VirtualMachineService.class);
        List<VirtualMachineView> vms = parallel(scenario.nics().size(), n -> {
            Scenario.Nic nic = scenario.nics().get(n);
            NicSpec spec = NicSpec.on(networks.get(nic.network()))
                    .withIp(nic.ip())
                    .withMac(nic.mac())
                    .withGroups(nic.groups().stream()
                            .map(g -> GroupRef.id(groups.get(g)))
                            .toArray(GroupRef[]::new));
            return changes.keep(vmService.register(
                    admin,
                    NewVirtualMachine.of(zoneId, nic.vmName(), spec)
                            .forAccount(tenant.accountId())
                            .onHost(hosts.get(nic.host()).hostId())));
        });
        ScenarioLoadFigures.Phase vmPhase = clock.lap("VMs");

        awaitDispatched(changes.newest());
        clock.lap("dispatcher catching up");
        int undispatched = undispatched(changes.all());

        LoadedScenario loaded = new LoadedScenario(
                scenario.shape().name(),
                scenario.seed(),
                zoneId,
                tenant,
                hosts,
                networks,
                groups,
                vms.stream().map(VirtualMachineView::id).toList(),
                vms.stream().map(vm -> vm.nics().get(0).id()).toList());
        int rules = scenario.groups().stream().mapToInt(g -> g.rules().size()).sum();
        return new Outcome(
                loaded,
                new ScenarioLoadFigures(
                        scenario.shape().name(),
                        scenario.seed(),
                        threads,
                        scenario.hosts().size(),
                        scenario.networks().size(),
                        scenario.groups().size(),
                        rules,
                        scenario.nics().size(),
                        changes.count(),
                        clock.phases(),
                        undispatched,
                        clock.totalSeconds(),
                        clock.totalCpuSeconds(),
                        scenario.nics().size() / vmPhase.seconds(),
                        vmPhase.cpuSeconds() * 1000 / scenario.nics().size()));
    }

    private LoadedScenario.Tenant tenant(Caller admin, Scenario scenario) {
        UUID domainId = service(DomainService.class)
                .create(admin, "bench-" + scenario.shape().name() + "-" + scenario.seed(), Optional.empty())
                .id();
        AccountView account = service(AccountService.class)
                .create(
                        admin,
                        new NewAccount(
                                Optional.of(domainId),
                                Optional.of("tenant"),
                                Role.USER,
                                NewUser.of("tenant", UUID.randomUUID().toString())));
        UUID userId = account.users().get(0).id();
        UserKeys keys = service(UserService.class).registerKeys(admin, userId);
        return new LoadedScenario.Tenant(domainId, account.id(), userId, keys.apiKey(), keys.secretKey());
    }

    private static ZoneSpec zone(Scenario scenario) {
        List<Scenario.Network> networks = scenario.networks();
        long first = networks.stream().mapToLong(Scenario.Network::vni).min().orElse(5000);
        long last = networks.stream().mapToLong(Scenario.Network::vni).max().orElse(5000);
        return ZoneSpec.advanced("bench-" + scenario.shape().name() + "-" + scenario.seed(), "10.0.0.53", first, last);
    }

    /** One scenario rule as the permission both APIs send; its remote group by the server's id. */
    static RuleRequest request(Scenario.Rule rule, List<UUID> groups) {
        RuleRequest permission =
                switch (rule.protocol()) {
                    case "icmp" -> RuleRequest.icmp(rule.fromPort(), rule.toPort());
                    case "all" -> RuleRequest.protocol("all");
                    default -> RuleRequest.protocol(rule.protocol()).ports(rule.fromPort(), rule.toPort());
                };
        return rule.referencesGroup()
                ? permission.fromGroups(GroupRef.id(groups.get(rule.remoteGroup())))
                : permission.fromCidrs(rule.cidr());
    }

    /** Waits until the dispatcher has taken in the newest change record. */
    private void awaitDispatched(long newestChange) {
        if (newestChange < 0) {
            return;
        }
        ConvergenceQueries dispatcher = service(ConvergenceQueries.class);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!dispatched(dispatcher, newestChange)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("change " + newestChange + " not dispatched within " + DRAIN_TIMEOUT);
            }
            dispatcher.nudge();
            sleep(Duration.ofMillis(200));
        }
    }

    /**
     * How many of the load's change records the dispatcher has not taken in although it took in the
     * newest. The outbox is read past the newest record dispatched, so a record that committed after
     * a younger one (two writers at once) is left behind until the next take-over; counted here
     * rather than hidden, because a cold start then dispatches it.
     */
    private int undispatched(List<Long> changeIds) {
        ConvergenceQueries dispatcher = service(ConvergenceQueries.class);
        int left = 0;
        for (long id : changeIds) {
            if (!dispatched(dispatcher, id)) {
                left++;
            }
        }
        return left;
    }

    /**
     * Whether the dispatcher has taken in the record. It answers from its own thread, which a large
     * round keeps busy for longer than its 30 s answer timeout on a loaded machine: asked again then.
     */
    private static boolean dispatched(ConvergenceQueries dispatcher, long changeId) {
        while (true) {
            try {
                return dispatcher.change(changeId).dispatched();
            } catch (IllegalStateException busy) {
                if (Thread.currentThread().isInterrupted()) {
                    throw busy;
                }
            }
        }
    }

    /** {@code work(0..count-1)} on the workers; results by index; the first failure fails the load. */
    private <T> List<T> parallel(int count, IntFunction<T> work) {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "scenario-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                slices.add(workers.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        results.set(i, work.apply(i));
                    }
                }));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("loading failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } finally {
            workers.shutdownNow();
        }
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    private <T> T service(Class<T> type) {
        return server.injector().getInstance(type);
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The change records the load wrote. */
    private static final class ChangeIds {
        private final Queue<Long> all = new ConcurrentLinkedQueue<>();
        private final AtomicLong newest = new AtomicLong(-1);

        <T> T keep(Mutation<T> mutation) {
            all.addAll(mutation.changeIds());
            mutation.lastChangeId().ifPresent(id -> newest.accumulateAndGet(id, Math::max));
            return mutation.value();
        }

        List<Long> all() {
            return List.copyOf(all);
        }

        long count() {
            return all.size();
        }

        long newest() {
            return newest.get();
        }
    }

    /**
     * Wall and CPU seconds per phase. The CPU time is the whole process's: the server's services,
     * its dispatcher and this loader (which only calls the services), so on a shared machine it says
     * what a phase costs when the wall time says how busy the machine was.
     */
    private static final class PhaseClock {
        private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        private final long start = System.nanoTime();
        private final long startCpu = os.getProcessCpuTime();
        private final List<ScenarioLoadFigures.Phase> phases = new ArrayList<>();
        private long lapStart = start;
        private long lapStartCpu = startCpu;

        ScenarioLoadFigures.Phase lap(String name) {
            long now = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            ScenarioLoadFigures.Phase phase =
                    new ScenarioLoadFigures.Phase(name, (now - lapStart) / 1e9, (cpu - lapStartCpu) / 1e9);
            phases.add(phase);
            lapStart = now;
            lapStartCpu = cpu;
            return phase;
        }

        List<ScenarioLoadFigures.Phase> phases() {
            return List.copyOf(phases);
        }

        double totalSeconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        double totalCpuSeconds() {
            return (os.getProcessCpuTime() - startCpu) / 1e9;
        }
    }
}
