package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.weft.lab.harness.SimulatedHost;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.testsupport.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The end-to-end and load measurement of one server with N simulated agents attached, as JSON on
 * standard output:
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/classes:benchmarks/target/lib/* io.weft.bench.system.EndToEndReport \
 *     --agents 1000 --rate 20 --warmup-seconds 10 --seconds 300 --mixed-seconds 60 --mixed-threads 4
 * </pre>
 *
 * Without a loaded scenario it builds a {@link SmallTopology} ({@code --vms-per-host}, {@code
 * --groups}); {@link #measure} takes any {@link LoadTarget}.
 */
public final class EndToEndReport {
    private EndToEndReport() {}

    /** What to run: the change stream's rate and length, the mixed load's threads and length (0: none). */
    public record Options(
            double changesPerSecond,
            Duration warmup,
            Duration streamDuration,
            int mixedThreads,
            Duration mixedDuration,
            SimulatedHost.Timing agentTiming,
            Duration inSyncTimeout) {
        public Options {
            requireNonNull(warmup, "warmup is null");
            requireNonNull(streamDuration, "streamDuration is null");
            requireNonNull(mixedDuration, "mixedDuration is null");
            requireNonNull(agentTiming, "agentTiming is null");
            requireNonNull(inSyncTimeout, "inSyncTimeout is null");
        }
    }

    /** The load average and heap bound of the machine this ran on, before and after. */
    public record Machine(int cores, long maxHeapMiB, String loadAverageBefore, String loadAverageAfter) {}

    /**
     * Everything measured: the agents' cost, the change stream, whether every agent still held its
     * compiled hash once the stream had settled (hosts behind, 0 expected), and the mixed load.
     */
    public record Report(
            Machine machine,
            AgentFleet.FleetCost agents,
            EndToEndFigures endToEnd,
            int hostsBehindAfterStream,
            MixedLoadFigures mixedLoad) {}

    /** Starts an agent per host of {@code target}, then runs the change stream and the mixed load. */
    public static Report measure(LoadTarget target, Options options, Path agentStateRoot) {
        return measure(target, options, agentStateRoot, (attached, fleet) -> {});
    }

    /**
     * As {@link #measure(LoadTarget, Options, Path)}, running {@code inSync} once the stream has
     * settled and every agent is back in sync, before the mixed load: a further measurement that
     * needs the whole fleet attached without paying for its start again.
     */
    public static Report measure(
            LoadTarget target, Options options, Path agentStateRoot, BiConsumer<LoadTarget, AgentFleet> inSync) {
        String loadBefore = loadAverage();
        ConvergenceQueries convergence = target.server().injector().getInstance(ConvergenceQueries.class);
        try (AgentFleet fleet = AgentFleet.startInSync(
                target.server().brokerUrl(),
                target.agents(),
                agentStateRoot,
                options.agentTiming(),
                convergence,
                options.inSyncTimeout())) {
            if (!options.warmup().isZero()) {
                // The same stream, unrecorded: the server's and agents' code compiled, pools filled.
                ChangeStream.run(target, ChangeStream.Settings.of(options.changesPerSecond(), options.warmup()));
            }
            EndToEndFigures stream = ChangeStream.run(
                    target, ChangeStream.Settings.of(options.changesPerSecond(), options.streamDuration()));
            int behind;
            try {
                fleet.awaitInSync(convergence, Duration.ofMinutes(2));
                behind = 0;
            } catch (IllegalStateException e) {
                behind = fleet.behind(convergence).size();
            }
            inSync.accept(target, fleet);
            MixedLoadFigures mixed = options.mixedDuration().isZero()
                    ? null
                    : MixedLoad.run(target, new MixedLoad.Settings(options.mixedThreads(), options.mixedDuration()));
            Machine machine = new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / 1024 / 1024,
                    loadBefore,
                    loadAverage());
            return new Report(machine, fleet.cost(), stream, behind, mixed);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags = flags(args);
        int agents = Integer.parseInt(flags.getOrDefault("agents", "100"));
        Options options = new Options(
                Double.parseDouble(flags.getOrDefault("rate", "20")),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup-seconds", "10"))),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("seconds", "300"))),
                Integer.parseInt(flags.getOrDefault("mixed-threads", "4")),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("mixed-seconds", "60"))),
                AgentFleet.FLEET_TIMING,
                Duration.ofMinutes(15));
        Path work = Files.createTempDirectory("weft-e2e-");
        Report report;
        try (WeftServer server = WeftServer.start(
                WeftConfig.of(ServerSettings.ephemeral(work.resolve("server")).asMap()))) {
            SmallTopology topology = SmallTopology.build(
                    server,
                    agents,
                    Integer.parseInt(flags.getOrDefault("vms-per-host", "2")),
                    Integer.parseInt(flags.getOrDefault("groups", Integer.toString(Math.max(10, agents / 5)))));
            report = measure(topology, options, work.resolve("agents"));
        } finally {
            deleteTree(work);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = json.writeValueAsString(report);
        if (flags.containsKey("out")) {
            Files.writeString(Path.of(flags.get("out")), text);
        }
        System.out.println(text);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        List<String> known = List.of(
                "agents",
                "rate",
                "warmup-seconds",
                "seconds",
                "mixed-threads",
                "mixed-seconds",
                "vms-per-host",
                "groups",
                "out");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--" + String.join(" N] [--", known) + " N]");
            }
            flags.put(name, args[i + 1]);
        }
        return flags;
    }

    /** {@code /proc/loadavg} as {@code uptime} shows it: the 1, 5 and 15 minute load averages. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
