package io.weft.bench.report;

import java.util.List;

/** One measured quantity over a run, e.g. heap used or p99 acked latency per second. */
public record TimeSeries(String name, String unit, List<Point> points) {
    public TimeSeries {
        points = List.copyOf(points);
    }

    /** {@code seconds} since the run started, and the value then. */
    public record Point(double seconds, double value) {}
}
