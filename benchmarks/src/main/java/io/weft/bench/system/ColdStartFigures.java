package io.weft.bench.system;

import io.weft.bench.report.Summary;
import java.util.List;

/**
 * A server started cold on a populated data directory, over repeated runs. Seconds count from the
 * moment the JVM was started.
 *
 * @param ackTimeoutSeconds the server's {@code dispatch.ackTimeout}: no agent runs, so the new leader
 *     waits this long for agents' reports before it compiles and sends every silent host its whole
 *     state; it is part of {@code everyHostReadySeconds}
 * @param healthySeconds until {@code /health} answered 200 (database and broker up, HTTP serving)
 * @param fleetLoadedSeconds until the dispatcher led ({@code weft_dispatch_leader} 1): it has read the
 *     whole fleet from the database and built its model and index
 * @param everyHostReadySeconds until every host's state had been compiled and sent
 *     ({@code weft_dispatch_updates_sent} + {@code weft_dispatch_send_failures} reached the host count)
 * @param cpuSecondsAtReady the server JVM's CPU time (all threads) at that moment
 * @param heapAfterGcMiB heap in use right after {@code jcmd GC.run} once every host was ready
 */
public record ColdStartFigures(
        String shape,
        long seed,
        String database,
        int hosts,
        double ackTimeoutSeconds,
        List<String> jvmOptions,
        Summary healthySeconds,
        Summary fleetLoadedSeconds,
        Summary everyHostReadySeconds,
        Summary cpuSecondsAtReady,
        Summary heapAfterGcMiB,
        List<Run> runs) {
    public ColdStartFigures {
        jvmOptions = List.copyOf(jvmOptions);
        runs = List.copyOf(runs);
    }

    /**
     * One start.
     *
     * @param hostsTracked hosts the operator API ({@code GET /api/v1/hosts}) lists as sent a state, a
     *     cross-check of the meter; -1 when it did not answer
     */
    public record Run(
            double healthySeconds,
            double fleetLoadedSeconds,
            double everyHostReadySeconds,
            double cpuSecondsAtReady,
            double heapAfterGcMiB,
            int hostsTracked) {}
}
