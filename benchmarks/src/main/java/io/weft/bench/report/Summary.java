package io.weft.bench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and spread of repeated measurements: a single figure from a shared 2-core machine says
 * little, the median with its min and max says how far to trust it.
 */
public record Summary(int runs, double median, double min, double max, double p90, double p99) {

    public static Summary of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted =
                values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Summary(
                sorted.length,
                percentile(sorted, 50),
                sorted[0],
                sorted[sorted.length - 1],
                percentile(sorted, 90),
                percentile(sorted, 99));
    }

    public static Summary of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
