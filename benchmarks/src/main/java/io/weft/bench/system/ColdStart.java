package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.bench.report.Summary;
import io.weft.testsupport.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Measures a cold start: a new JVM running the server on a populated data directory (its embedded
 * broker starts with an empty journal, see {@link PopulatedDataDir}), until it is healthy, until the
 * dispatcher has loaded the fleet, and until every host's state has been compiled and sent; then the
 * CPU it used and the heap it holds after a full GC. Every signal is one the server itself gives:
 * {@code /health}, its meters on {@code /metrics}, and the operator API as a cross-check.
 */
public final class ColdStart {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PopulatedDataDir data;
    private final List<String> jvmOptions;
    private final Duration ackTimeout;
    private final Path log;

    /**
     * @param jvmOptions the server JVM's options, e.g. {@code -Xmx4g}
     * @param ackTimeout the server's {@code dispatch.ackTimeout} (see {@link ColdStartFigures})
     * @param log where the servers' output is appended
     */
    public ColdStart(PopulatedDataDir data, List<String> jvmOptions, Duration ackTimeout, Path log) {
        this.data = requireNonNull(data, "data is null");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.ackTimeout = requireNonNull(ackTimeout, "ackTimeout is null");
        this.log = requireNonNull(log, "log is null");
    }

    public ColdStartFigures measure(int runs) {
        List<ColdStartFigures.Run> each = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            each.add(once());
        }
        return new ColdStartFigures(
                data.loaded().shape(),
                data.loaded().seed(),
                data.database().kind(),
                data.loaded().hosts().size(),
                ackTimeout.toMillis() / 1000.0,
                jvmOptions,
                summary(each, ColdStartFigures.Run::healthySeconds),
                summary(each, ColdStartFigures.Run::fleetLoadedSeconds),
                summary(each, ColdStartFigures.Run::everyHostReadySeconds),
                summary(each, ColdStartFigures.Run::cpuSecondsAtReady),
                summary(each, ColdStartFigures.Run::heapAfterGcMiB),
                each);
    }

    /** One cold start, from launching the JVM to stopping it. */
    public ColdStartFigures.Run once() {
        Map<String, String> settings = data.serverSettings()
                .with("dispatch.ackTimeout", ackTimeout.toMillis() + "ms")
                .asMap();
        int hosts = data.loaded().hosts().size();
        data.emptyBrokerJournal(); // each run alike: no FULLs queued by the run before
        try (ServerProcess server = ServerProcess.start(settings, jvmOptions, log)) {
            double healthy = awaitSeconds(server, "/health", body -> true);
            double fleetLoaded = awaitSeconds(
                    server, "/metrics", metrics -> PrometheusText.sum(metrics, "weft_dispatch_leader", "") >= 1);
            double ready = awaitSeconds(server, "/metrics", metrics -> sentOrFailed(metrics) >= hosts);
            double cpu = server.cpuSeconds();
            int tracked = hostsTracked(server);
            server.jcmd("GC.run");
            String metrics = server.get("/metrics", Optional.empty()).orElseThrow();
            double heap = PrometheusText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
            return new ColdStartFigures.Run(healthy, fleetLoaded, ready, cpu, heap, tracked);
        }
    }

    private static double sentOrFailed(String metrics) {
        return PrometheusText.sum(metrics, "weft_dispatch_updates_sent", "")
                + PrometheusText.sum(metrics, "weft_dispatch_send_failures", "");
    }

    /** Seconds since the JVM started until {@code path} answers 200 with a body {@code done} accepts. */
    private static double awaitSeconds(ServerProcess server, String path, Function<String, Boolean> done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> body = server.get(path, Optional.empty());
            if (body.isPresent() && done.apply(body.get())) {
                return server.secondsSinceStart();
            }
            ScenarioLoader.sleep(POLL);
        }
        throw new IllegalStateException(server + ": " + path + " not as awaited within " + TIMEOUT);
    }

    /** How many hosts the operator API lists as sent a state; -1 when it does not answer. */
    private int hostsTracked(ServerProcess server) {
        ApiKeys admin = ApiKeys.fromCredentialsFile(data.dataDir().resolve("admin.credentials"));
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((admin.apiKey() + ":" + admin.secretKey()).getBytes(StandardCharsets.UTF_8));
        Optional<String> body = server.get("/api/v1/hosts", Optional.of(basic));
        if (body.isEmpty()) {
            return -1;
        }
        try {
            JsonNode hosts = JSON.readTree(body.get()).path("hosts");
            int count = 0;
            for (JsonNode host : hosts) {
                if (!host.path("desiredHash").asText().isEmpty()) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Summary summary(List<ColdStartFigures.Run> runs, ToDoubleFunction<ColdStartFigures.Run> figure) {
        return Summary.of(runs.stream().mapToDouble(figure).boxed().toList());
    }
}
