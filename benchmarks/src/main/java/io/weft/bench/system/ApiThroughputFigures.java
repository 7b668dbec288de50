package io.weft.bench.system;

import java.util.List;

/**
 * The CloudStack API under a few clients for a fixed time: first reads, then writes.
 *
 * @param threads client threads, each with its own signed client, one call after another
 * @param secondsPerPhase how long reads, then writes, were sent
 */
public record ApiThroughputFigures(
        String shape, long seed, int threads, double secondsPerPhase, List<Operation> operations) {
    public ApiThroughputFigures {
        operations = List.copyOf(operations);
    }

    /**
     * One kind of call: how many answered 200 (an asynchronous one: whose job succeeded), how many
     * did not, and the latency of those that did, from sending to the answer (for a write pair, to
     * both jobs' success).
     *
     * @param firstError what the first failed call said; null when none failed
     */
    public record Operation(
            String name,
            long calls,
            long errors,
            double callsPerSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            String firstError) {}
}
