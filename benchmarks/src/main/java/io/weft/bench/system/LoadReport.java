package io.weft.bench.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.weft.bench.report.MachineFacts;
import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a scenario (or reuses its data directory), measures cold starts and API throughput on it,
 * and prints every figure as JSON:
 *
 * <pre>
 * java -cp benchmarks/target/classes:benchmarks/target/lib/* io.weft.bench.system.LoadReport S [seed]
 *     [--database h2|postgresql] [--threads 2] [--runs 3] [--xmx 4g] [--ack-timeout 1s]
 *     [--api-seconds 30] [--api-threads 4] [--root target/bench-data] [--load-only]
 * </pre>
 *
 * {@code --runs 0} skips the cold starts, {@code --load-only} everything after the load.
 */
public final class LoadReport {
    private LoadReport() {}

    /**
     * What one run printed. A part is null when it was not measured: {@code load} when the data
     * directory was reused, the others with {@code --load-only}.
     */
    public record Report(
            MachineFacts machine,
            String dataDir,
            ScenarioLoadFigures load,
            ColdStartFigures coldStart,
            ApiThroughputFigures apiThroughput) {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        MachineFacts machine = MachineFacts.now(Path.of("."));
        Scenario scenario = ScenarioGenerator.generate(ScenarioShape.named(options.shape()), options.seed());
        Files.createDirectories(options.root());
        PopulatedDataDir data = PopulatedDataDir.ensure(
                options.root(),
                scenario,
                BenchDatabase.named(options.database(), scenario.shape().name(), scenario.seed()),
                options.threads());
        ColdStartFigures coldStart = null;
        ApiThroughputFigures api = null;
        List<String> jvm = List.of("-Xmx" + options.xmx());
        Path log = data.dataDir().resolveSibling(data.dataDir().getFileName() + "-server.log");
        if (!options.loadOnly()) {
            if (options.runs() > 0) {
                coldStart = new ColdStart(data, jvm, options.ackTimeout(), log).measure(options.runs());
            }
            data.emptyBrokerJournal();
            // No agent runs: without a long ack timeout the dispatcher would keep compiling and
            // resending every host's whole state to nobody, competing with the calls measured.
            Map<String, String> settings = data.serverSettings()
                    .with("dispatch.ackTimeout", "1h")
                    .with("dispatch.maxRetryBackoff", "1h")
                    .asMap();
            try (ServerProcess server = ServerProcess.start(settings, jvm, log)) {
                awaitLeading(server);
                api = new ApiThroughput(server.cloudStackUri(), data.loaded())
                        .measure(Duration.ofSeconds(options.apiSeconds()), options.apiThreads());
            }
        }
        Report report = new Report(
                machine.finished(),
                data.dataDir().toString(),
                data.loadFigures().orElse(null),
                coldStart,
                api);
        System.out.println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    /** Until the server is healthy and its dispatcher has loaded the fleet, so the calls measured meet a started server. */
    static void awaitLeading(ServerProcess server) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!server.get("/metrics", Optional.empty())
                .map(metrics -> PrometheusText.sum(metrics, "weft_dispatch_leader", "") >= 1)
                .orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + " not leading within 30 minutes");
            }
            ScenarioLoader.sleep(Duration.ofMillis(200));
        }
    }

    record Options(
            String shape,
            long seed,
            String database,
            int threads,
            int runs,
            String xmx,
            Duration ackTimeout,
            int apiSeconds,
            int apiThreads,
            Path root,
            boolean loadOnly) {
        static Options parse(String... args) {
            if (args.length < 1) {
                throw new IllegalArgumentException("usage: LoadReport <S|M|L> [seed] [--option value]...");
            }
            String shape = args[0];
            int next = 1;
            long seed = 42;
            if (args.length > 1 && !args[1].startsWith("--")) {
                seed = Long.parseLong(args[1]);
                next = 2;
            }
            Map<String, String> values = new HashMap<>();
            boolean loadOnly = false;
            for (int i = next; i < args.length; i++) {
                if (args[i].equals("--load-only")) {
                    loadOnly = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            Options options = new Options(
                    shape,
                    seed,
                    values.getOrDefault("database", "h2"),
                    Integer.parseInt(values.getOrDefault("threads", "2")),
                    Integer.parseInt(values.getOrDefault("runs", "3")),
                    values.getOrDefault("xmx", "4g"),
                    Duration.parse(
                            "PT" + values.getOrDefault("ack-timeout", "1s").toUpperCase(Locale.ROOT)),
                    Integer.parseInt(values.getOrDefault("api-seconds", "30")),
                    Integer.parseInt(values.getOrDefault("api-threads", "4")),
                    Path.of(values.getOrDefault("root", "target/bench-data")),
                    loadOnly);
            List.of("database", "threads", "runs", "xmx", "ack-timeout", "api-seconds", "api-threads", "root")
                    .forEach(values::remove);
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet());
            }
            return options;
        }
    }
}
