package io.weft.server.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The dispatcher's meters: what it sent, resent, confirmed and failed to send; whether it leads; how far hosts lag. */
public final class DispatcherMetrics {
    /** Hashless resync requests that came within a host's pacing interval and were deferred. */
    public static final String RESYNCS_DEFERRED = "weft_dispatch_resyncs_deferred";
    /** Updates the broker refused or did not confirm; each host concerned is resent after the ack timeout. */
    public static final String SEND_FAILURES = "weft_dispatch_send_failures";

    private final Counter updatesSent;
    private final Counter fullResends;
    private final Counter sendFailures;
    private final Counter hostsConfirmed;
    private final Counter resyncsDeferred;
    // Gauges are read by the metrics scrape on another thread, so the loop publishes into atomics.
    private final AtomicLong leader = new AtomicLong();
    private final AtomicLong laggingHosts = new AtomicLong();
    private final AtomicLong maxGenerationLag = new AtomicLong();
    private Instant lagPublishDue = Instant.MIN;

    public DispatcherMetrics(MeterRegistry metrics) {
        this.updatesSent = metrics.counter("weft_dispatch_updates_sent");
        this.fullResends = metrics.counter("weft_dispatch_full_resends");
        this.sendFailures = metrics.counter(SEND_FAILURES);
        this.hostsConfirmed = metrics.counter("weft_dispatch_hosts_confirmed");
        this.resyncsDeferred = metrics.counter(RESYNCS_DEFERRED);
        metrics.gauge("weft_dispatch_leader", leader);
        metrics.gauge("weft_dispatch_lagging_hosts", laggingHosts);
        metrics.gauge("weft_dispatch_max_generation_lag", maxGenerationLag);
    }

    void updateSent() {
        updatesSent.increment();
    }

    void fullResent() {
        fullResends.increment();
    }

    /** A host whose agent already held its state was confirmed with an empty DELTA, not sent a FULL. */
    void hostConfirmed() {
        hostsConfirmed.increment();
    }

    /** A hashless resync request came too soon after the host's last one: its FULL waits. */
    void resyncDeferred() {
        resyncsDeferred.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void leader(boolean leading) {
        leader.set(leading ? 1 : 0);
    }

    /** Publishes how many hosts lag and by how much, at most once a second (it walks every host). */
    void lag(Instant now, Supplier<List<HostConvergence>> hosts) {
        if (now.isBefore(lagPublishDue)) {
            return;
        }
        lagPublishDue = now.plusSeconds(1);
        List<HostConvergence> all = hosts.get();
        laggingHosts.set(all.stream().filter(h -> !h.inSync()).count());
        maxGenerationLag.set(all.stream()
                .mapToLong(h -> h.desired().number() - h.applied().number())
                .max()
                .orElse(0));
    }
}
