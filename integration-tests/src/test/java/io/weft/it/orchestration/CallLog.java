package io.weft.it.orchestration;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every call the chaos workload made and how the server answered: committed (a success answer),
 * or refused with its error code. A server error is not a refusal: it fails the run at once.
 */
final class CallLog {
    private final Map<String, Integer> committed = new TreeMap<>();
    private final Map<String, Integer> refused = new TreeMap<>();

    void committed(String call) {
        committed.merge(call, 1, Integer::sum);
    }

    void refused(String call, String code) {
        refused.merge(call + " " + code, 1, Integer::sum);
    }

    int committedCount() {
        return committed.values().stream().mapToInt(Integer::intValue).sum();
    }

    int refusedCount() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> committedByCall() {
        return Map.copyOf(committed);
    }

    String summary() {
        return "calls committed: " + committedCount() + " (" + join(committed) + "); refused: " + refusedCount() + " ("
                + join(refused) + ")";
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
