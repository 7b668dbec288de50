package io.weft.bench.system;

import io.weft.bench.report.Plots;
import io.weft.bench.report.TimeSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The run's two plots: acked latency over the change stream, and heap in use over time. */
final class BenchPlots {
    private BenchPlots() {}

    /** Writes the plots the results allow and returns their file names (none without a stream). */
    static List<String> write(Path directory, String size, BenchResults results) throws IOException {
        if (results.endToEnd() == null) {
            return List.of();
        }
        EndToEndFigures stream = results.endToEnd().endToEnd();
        List<String> written = new ArrayList<>();

        List<TimeSeries.Point> p99 = new ArrayList<>();
        List<TimeSeries.Point> changes = new ArrayList<>();
        for (EndToEndFigures.Second second : stream.series()) {
            p99.add(new TimeSeries.Point(second.second(), second.p99AckedMs()));
            changes.add(new TimeSeries.Point(second.second(), second.changes()));
        }
        String latency = size + "-acked-latency.png";
        Plots.write(
                directory.resolve(latency),
                size + ": API answer to every affected host acked, p99 per second (" + stream.agents() + " agents, "
                        + stream.changesPerSecond() + " changes/s)",
                "milliseconds",
                List.of(new TimeSeries("p99 acked", "ms", p99)));
        written.add(latency);

        List<TimeSeries> heap = new ArrayList<>();
        heap.add(heapSeries("change stream", stream.heap()));
        if (results.endToEnd().mixedLoad() != null) {
            heap.add(heapSeries("mixed load", results.endToEnd().mixedLoad().heap()));
        }
        String heapPlot = size + "-heap.png";
        Plots.write(
                directory.resolve(heapPlot),
                size + ": heap in use (server, broker and " + stream.agents() + " agents in one JVM)",
                "MiB",
                heap);
        written.add(heapPlot);
        return written;
    }

    private static TimeSeries heapSeries(String name, List<HeapSample> samples) {
        return new TimeSeries(
                name,
                "MiB",
                samples.stream()
                        .map(sample -> new TimeSeries.Point(sample.second(), sample.heapUsedMiB()))
                        .toList());
    }
}
