package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the agent last read back from its dataplane: the sizes operators watch, and the number of
 * drift repairs since the agent started.
 */
public record DataplaneCounters(
        int ports,
        int flows,
        int rules,
        Map<String, Integer> setSizes,
        Map<String, PortCounters> portCounters,
        long driftRepairs) {
    public DataplaneCounters {
        setSizes = sorted(requireNonNull(setSizes, "setSizes is null"));
        portCounters = sorted(requireNonNull(portCounters, "portCounters is null"));
    }

    public static DataplaneCounters empty() {
        return new DataplaneCounters(0, 0, 0, Map.of(), Map.of(), 0);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
