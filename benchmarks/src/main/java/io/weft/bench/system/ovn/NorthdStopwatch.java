package io.weft.bench.system.ovn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of ovn-northd's own stopwatches ({@code ovs-appctl stopwatch/show}): {@code ovnnb_db_run} is
 * the northbound-to-southbound computation, {@code build_lflows} its logical-flow part, {@code
 * ovn-northd-loop} a whole main-loop iteration. Milliseconds, as northd reports them.
 */
public record NorthdStopwatch(
        long samples, double maximumMillis, double minimumMillis, double p95Millis, double longTermAverageMillis) {

    /** Parses every "Statistics for 'name'" block of {@code stopwatch/show}, in order. */
    public static Map<String, NorthdStopwatch> parse(String show) {
        Map<String, NorthdStopwatch> stopwatches = new LinkedHashMap<>();
        String name = null;
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : (show + "\nStatistics for ''").lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Statistics for '")) {
                if (name != null) {
                    stopwatches.put(
                            name,
                            new NorthdStopwatch(
                                    values.getOrDefault("Total samples", 0.0).longValue(),
                                    values.getOrDefault("Maximum", 0.0),
                                    values.getOrDefault("Minimum", 0.0),
                                    values.getOrDefault("95th percentile", 0.0),
                                    values.getOrDefault("Long term average", 0.0)));
                }
                name = trimmed.substring("Statistics for '".length(), trimmed.length() - 1);
                values.clear();
            } else if (trimmed.contains(":")) {
                String key = trimmed.substring(0, trimmed.indexOf(':'));
                String number = trimmed.substring(trimmed.indexOf(':') + 1)
                        .replace("msec", "")
                        .strip();
                try {
                    values.put(key, Double.parseDouble(number));
                } catch (NumberFormatException notAFigure) {
                    // A line northd may add in a later version; the figures we know are kept.
                }
            }
        }
        return stopwatches;
    }
}
