package io.weft.bench.system.ovn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated samples of one figure, in milliseconds: median, minimum, maximum and every sample. */
public record Spread(double medianMillis, double minMillis, double maxMillis, List<Double> samplesMillis) {

    public Spread {
        samplesMillis = List.copyOf(samplesMillis);
    }

    public static Spread of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), samples);
    }
}
