package io.weft.bench.system;

import java.util.List;
import java.util.Map;

/**
 * What {@link ChangeStream} measured: changes issued, acked by every affected host, failed (including
 * any still unfinished a minute after the stream ended), and
 * skipped for want of a free resource, and jobs resubmitted because they lost a race (as the API
 * asks); the latency from the API's answer to every affected host
 * acked, overall and per kind, and the part of it spent learning the change id (a job's run and
 * the client's polling; zero for the port API, whose answer names it); how many hosts each change reached; per second, the changes issued,
 * their p99 and the heap in use.
 */
public record EndToEndFigures(
        int agents,
        double changesPerSecond,
        long durationSeconds,
        String ackedSignal,
        long changesIssued,
        long changesAcked,
        long failures,
        long skipped,
        long concurrencyRetries,
        List<String> failureSamples,
        Latency answerToAllAcked,
        Latency answerToChangeIdKnown,
        Map<String, Latency> byKind,
        double meanAffectedHosts,
        int maxAffectedHosts,
        List<Second> series,
        List<HeapSample> heap) {
    /** One second of the stream: changes issued in it, their p99 to every ack, and heap in use. */
    public record Second(long second, long changes, double p99AckedMs, double heapUsedMiB) {}
}
