package io.weft.bench.system;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints {@link DispatchFigures} for a scenario size as JSON:
 * {@code java -Xmx6g -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * io.weft.bench.system.DispatchReport <S|M|L> [seed] [repeats]}. The load average before and after
 * is read from /proc/loadavg, since the machine may be shared and every time is then an upper bound.
 */
public final class DispatchReport {
    private DispatchReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: DispatchReport <S|M|L> [seed] [repeats]");
            System.exit(2);
        }
        ScenarioShape shape = ScenarioShape.named(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String before = loadAverage();
        DispatchFigures.Report report =
                new DispatchFigures(ScenarioGenerator.generate(shape, seed), repeats).measure(before);
        DispatchFigures.Report done = new DispatchFigures.Report(
                report.scenario(),
                report.seed(),
                report.repeats(),
                new DispatchFigures.Machine(
                        report.machine().java(),
                        report.machine().cores(),
                        report.machine().maxHeapMiB(),
                        before,
                        loadAverage()),
                report.load(),
                report.failover(),
                report.changes());
        System.out.println(JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(done));
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }
}
