package io.weft.bench.system;

import java.util.List;
import java.util.Map;

/**
 * What {@link MixedLoad} measured: requests and their rate, per kind of request its rate, latency
 * (request sent to answer) and errors; any answer outside 2xx, and 5xx apart; jobs that failed;
 * requests that got no answer at all; heap in use over time.
 */
public record MixedLoadFigures(
        int agents,
        int clientThreads,
        long durationSeconds,
        long requests,
        double requestsPerSecond,
        long non2xx,
        long serverErrors,
        long failedJobs,
        long unanswered,
        List<String> errorSamples,
        Map<String, KindFigures> byKind,
        List<HeapSample> heap) {
    /** One kind of request: how many, per second, how long, how many not 2xx and how many 5xx. */
    public record KindFigures(long requests, double perSecond, Latency latency, long non2xx, long serverErrors) {}
}
