package io.weft.bench.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.weft.bench.report.GeneratedSection;
import io.weft.bench.report.MachineFacts;
import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.system.ovn.OvnBenchmark;
import io.weft.bench.system.ovn.OvnFigures;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./weft bench S|M|L [--vs-ovn]}: the whole system on one generated scenario, each part
 * measured in turn on a quiet JVM so that none competes with another — the dispatch core alone; the
 * scenario loaded through the services into the embedded database; the server started cold on it;
 * API throughput; an agent per host attached through the embedded broker under a stream of changes
 * and a mixed load; the membership change OVN also makes; and, with {@code --vs-ovn}, OVN on the
 * same scenario. Writes the JSON of every figure, the plots, and the size's section of the
 * performance page.
 */
public final class Bench {
    private static final ObjectMapper JSON =
            new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
    /** Cold starts run in a child JVM sized like a small production server. */
    private static final List<String> SERVER_JVM = List.of("-Xmx4g");

    private static final Duration COLD_START_ACK_TIMEOUT = Duration.ofSeconds(1);
    private static final int API_THREADS = 4;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("weft bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchResults results = run(options);
        write(options, results);
        if (!results.failures().isEmpty()) {
            System.err.println("weft bench: " + results.failures().size() + " part(s) failed: " + results.failures());
            System.exit(1);
        }
        System.out.println("weft bench: figures in "
                + options.outputDirectory().resolve(options.shape().name() + ".json") + ", section '"
                + PerformanceSection.name(options) + "' of " + options.performancePage());
    }

    static BenchResults run(BenchOptions options) throws Exception {
        MachineFacts machine = MachineFacts.now(options.repository());
        long started = System.nanoTime();
        Scenario scenario = ScenarioGenerator.generate(options.shape(), options.seed());
        ScenarioFacts facts = ScenarioFacts.of(scenario, (System.nanoTime() - started) / 1e6);
        progress(options, "scenario " + facts);
        Stages stages = new Stages(options);

        DispatchFigures.Report dispatch = stages.run(
                "dispatch core, " + options.repeats() + " loads", () -> new DispatchFigures(scenario, options.repeats())
                        .measure(String.valueOf(machine.loadAverageBefore())));
        System.gc();

        Path dataRoot = options.repository().resolve(Path.of("benchmarks", "target", "bench-data"));
        Files.createDirectories(dataRoot);
        PopulatedDataDir data = options.skipServer()
                ? null
                : stages.run(
                        "loading through the services (reused when already loaded)",
                        () -> PopulatedDataDir.ensure(
                                dataRoot,
                                scenario,
                                BenchDatabase.named("h2", scenario.shape().name(), scenario.seed()),
                                2));
        ColdStartFigures coldStart = null;
        ApiThroughputFigures api = null;
        EndToEndReport.Report endToEnd = null;
        WeftMembershipTiming.Figures[] membership = new WeftMembershipTiming.Figures[1];
        if (data != null) {
            Path serverLog = dataRoot.resolve(data.dataDir().getFileName() + "-server.log");
            coldStart = stages.run("cold starts, " + options.repeats(), () -> new ColdStart(
                            data, SERVER_JVM, COLD_START_ACK_TIMEOUT, serverLog)
                    .measure(options.repeats()));
            api = stages.run("API throughput", () -> apiThroughput(data, serverLog, options));
            if (!options.streamDuration().isZero()) {
                endToEnd = stages.run(
                        options.shape().hosts() + " agents, " + options.changesPerSecond() + " changes/s for "
                                + options.streamDuration().toSeconds() + " s",
                        () -> {
                            data.emptyBrokerJournal();
                            try (WeftServer server = WeftServer.start(
                                    WeftConfig.of(data.serverSettings().asMap()))) {
                                Scenario.Nic moved = OvnBenchmark.membershipNic(scenario);
                                ScenarioTarget target = new ScenarioTarget(server, scenario, data.loaded(), moved);
                                Path agentState =
                                        dataRoot.resolve(data.dataDir().getFileName() + "-agents");
                                return EndToEndReport.measure(
                                        target, endToEndOptions(options), agentState, (attached, fleet) -> {
                                            progress(options, "the membership change OVN also makes");
                                            membership[0] = new WeftMembershipTiming(attached, fleet)
                                                    .measure(scenario, data.loaded(), moved, options.repeats());
                                        });
                            }
                        });
            }
        }
        EquivalentHost equivalentHost = stages.run("what host 0 holds", () -> EquivalentHost.of(scenario));
        OvnFigures ovn = options.versusOvn()
                ? stages.run(
                        "OVN on the same scenario",
                        () -> OvnBenchmark.run(options.shape(), options.seed(), options.repeats()))
                : null;
        return new BenchResults(
                commandLine(options),
                machine.finished(),
                facts,
                stages.failures(),
                dispatch,
                data == null ? null : data.loadFigures().orElse(null),
                coldStart,
                api,
                endToEnd,
                membership[0],
                equivalentHost,
                ovn);
    }

    /**
     * Runs the measurements one after another; one that fails is reported and the others still
     * run, so a long run at M or L is not lost to one part. The run then exits with a failure.
     */
    private static final class Stages {
        private final BenchOptions options;
        private final List<String> failures = new ArrayList<>();

        Stages(BenchOptions options) {
            this.options = options;
        }

        <T> T run(String what, Callable<T> measurement) {
            progress(options, what);
            try {
                return measurement.call();
            } catch (Exception | AssertionError e) {
                String failure = what + ": " + e;
                System.err.println("weft bench " + options.shape().name() + ": FAILED " + failure);
                e.printStackTrace();
                failures.add(failure);
                return null;
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }
    }

    private static ApiThroughputFigures apiThroughput(PopulatedDataDir data, Path log, BenchOptions options) {
        data.emptyBrokerJournal();
        // No agent runs here: a long ack timeout keeps the dispatcher from resending every host's
        // whole state to nobody while the calls are measured.
        Map<String, String> settings = data.serverSettings()
                .with("dispatch.ackTimeout", "1h")
                .with("dispatch.maxRetryBackoff", "1h")
                .asMap();
        try (ServerProcess server = ServerProcess.start(settings, SERVER_JVM, log)) {
            LoadReport.awaitLeading(server);
            Duration perPhase = options.shape().name().equals("S") ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
            return new ApiThroughput(server.cloudStackUri(), data.loaded()).measure(perPhase, API_THREADS);
        }
    }

    private static EndToEndReport.Options endToEndOptions(BenchOptions options) {
        boolean smoke = options.shape().name().equals("S");
        return new EndToEndReport.Options(
                options.changesPerSecond(),
                smoke ? Duration.ofSeconds(3) : Duration.ofSeconds(20),
                options.streamDuration(),
                API_THREADS,
                smoke ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                AgentFleet.FLEET_TIMING,
                Duration.ofMinutes(15));
    }

    private static void write(BenchOptions options, BenchResults results) throws IOException {
        Files.createDirectories(options.outputDirectory());
        String size = options.shape().name();
        JSON.writeValue(options.outputDirectory().resolve(size + ".json").toFile(), results);
        List<String> plots = BenchPlots.write(options.outputDirectory(), size, results);
        GeneratedSection.replace(
                options.performancePage(),
                PerformanceSection.name(options),
                PerformanceSection.render(options, results, plots));
    }

    private static String commandLine(BenchOptions options) {
        return "./weft bench " + options.shape().name() + (options.versusOvn() ? " --vs-ovn" : "")
                + (options.skipServer() ? " --skip-server" : "")
                + " --seed " + options.seed() + " --repeats " + options.repeats() + " --duration "
                + options.streamDuration().toSeconds() + " --rate " + options.changesPerSecond();
    }

    private static void progress(BenchOptions options, String what) {
        System.err.printf("weft bench %s: %s (load %.2f)%n", options.shape().name(), what, loadAverage());
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
