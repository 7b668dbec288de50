package io.weft.bench.system;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations, in milliseconds. */
public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    public static final Latency NONE = new Latency(0, 0, 0, 0, 0);

    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(
                sorted.length,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 90)),
                millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]));
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
