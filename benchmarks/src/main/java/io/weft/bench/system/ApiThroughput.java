package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.bench.report.Summary;
import io.weft.bench.scenario.Scenario;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends the tenant's CloudStack calls to a server holding a loaded scenario, through the real HTTP
 * API with requests signed as CloudStack's own server signs them: {@code threads} clients for a
 * fixed time, first reads (a page of security groups, of VMs, the networks), then writes (an ingress
 * rule authorized and revoked again on an ordinary group, each an asynchronous job awaited to its
 * end). Each client writes its own port, so two clients never ask for the same rule.
 */
public final class ApiThroughput {
    private static final int PAGE_SIZE = 20;
    private static final int FIRST_PORT = 40_000;
    private static final int MAX_THREADS = 10;

    private final CloudStackClient tenant;
    private final LoadedScenario loaded;

    public ApiThroughput(URI cloudStackApi, LoadedScenario loaded) {
        this.loaded = requireNonNull(loaded, "loaded is null");
        this.tenant = CloudStackClient.of(
                cloudStackApi,
                new ApiKeys(loaded.tenant().apiKey(), loaded.tenant().secretKey()));
    }

    /** {@code threads} clients (at most {@value #MAX_THREADS}) for {@code perPhase} of reads, then of writes. */
    public ApiThroughputFigures measure(Duration perPhase, int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("1 to " + MAX_THREADS + " client threads, not " + threads);
        }
        // A pair cut short (a revoke that timed out) leaves its rule in the data directory, which
        // later runs reuse: each run writes ports of its own, so such a rule is never asked for again.
        int runPort = FIRST_PORT + (int) (System.currentTimeMillis() / 1000 % 2_000) * 10;
        List<ApiThroughputFigures.Operation> operations = new ArrayList<>();
        operations.addAll(phase(
                perPhase,
                threads,
                client -> List.of(
                        new Call(
                                "listSecurityGroups",
                                random -> tenant.ok("listSecurityGroups", page(random, groupPages()))),
                        new Call(
                                "listVirtualMachines",
                                random -> tenant.ok("listVirtualMachines", page(random, vmPages()))),
                        new Call("listNetworks", random -> tenant.ok("listNetworks", "listall", "true")))));
        operations.addAll(phase(
                perPhase,
                threads,
                client -> List.of(new Call(
                        "authorizeSecurityGroupIngress+revokeSecurityGroupIngress",
                        random -> authorizeAndRevoke(random, runPort + client)))));
        return new ApiThroughputFigures(
                loaded.shape(), loaded.seed(), threads, perPhase.toMillis() / 1000.0, operations);
    }

    /** One client's calls, taken in turn; the random picks pages and groups. */
    private record Call(String name, Consumer<SplittableRandom> send) {}

    private interface Calls {
        List<Call> of(int client);
    }

    private List<ApiThroughputFigures.Operation> phase(Duration duration, int threads, Calls calls) {
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        Map<String, String> firstErrors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    List<Call> mine = calls.of(client);
                    Map<String, List<Long>> own = new TreeMap<>();
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        Call call = mine.get((i + client) % mine.size()); // clients start on different calls
                        long start = System.nanoTime();
                        try {
                            call.send().accept(random);
                            own.computeIfAbsent(call.name(), k -> new ArrayList<>())
                                    .add(System.nanoTime() - start);
                        } catch (IllegalStateException e) { // CloudStackCallFailed: an error answer or a failed job
                            errors.computeIfAbsent(call.name(), k -> new AtomicLong())
                                    .incrementAndGet();
                            firstErrors.putIfAbsent(call.name(), describe(e));
                        }
                    }
                    own.forEach((name, times) -> latencies
                            .computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                            .addAll(times));
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            clients.shutdownNow();
        }
        double seconds = duration.toMillis() / 1000.0;
        List<ApiThroughputFigures.Operation> operations = new ArrayList<>();
        for (Call call : calls.of(0)) {
            List<Long> times = latencies.getOrDefault(call.name(), List.of());
            Summary millis = Summary.of(times.stream().map(nanos -> nanos / 1e6).toList());
            operations.add(new ApiThroughputFigures.Operation(
                    call.name(),
                    times.size(),
                    errors.getOrDefault(call.name(), new AtomicLong()).get(),
                    times.size() / seconds,
                    millis.median(),
                    millis.p99(),
                    millis.max(),
                    firstErrors.get(call.name())));
        }
        return operations;
    }

    /** Authorizes tcp/{@code port} from a documentation prefix on a random ordinary group, then revokes it. */
    private void authorizeAndRevoke(SplittableRandom random, int port) {
        int group = Scenario.FRONT_GROUP + 1 + random.nextInt(loaded.groups().size() - Scenario.FRONT_GROUP - 1);
        JsonNode rules = tenant.jobOk(
                        "authorizeSecurityGroupIngress",
                        Params.of("securitygroupid", loaded.groups().get(group).toString())
                                .and("protocol", "tcp")
                                .and("startport", Integer.toString(port))
                                .and("endport", Integer.toString(port))
                                .and("cidrlist", "198.51.100.0/24"))
                .path("securitygroup")
                .path("ingressrule");
        String ruleId = null;
        for (JsonNode rule : rules) {
            if (rule.path("startport").asInt() == port
                    && "198.51.100.0/24".equals(rule.path("cidr").asText())) {
                ruleId = rule.path("ruleid").asText();
            }
        }
        if (ruleId == null) {
            throw new IllegalStateException("the authorized rule is not in the answer: " + rules);
        }
        tenant.jobOk("revokeSecurityGroupIngress", "id", ruleId);
    }

    /** The failure and its cause: "could not be sent" says little without the timeout behind it. */
    private static String describe(Exception e) {
        return e.getCause() == null ? e.toString() : e + " (" + e.getCause() + ")";
    }

    private static Params page(SplittableRandom random, int pages) {
        return Params.of("page", Integer.toString(1 + random.nextInt(pages)))
                .and("pagesize", Integer.toString(PAGE_SIZE))
                .and("listall", "true");
    }

    private int groupPages() {
        return pages(loaded.groups().size());
    }

    private int vmPages() {
        return pages(loaded.vms().size());
    }

    private static int pages(int items) {
        return Math.max(1, (items + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
