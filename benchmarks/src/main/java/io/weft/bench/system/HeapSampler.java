package io.weft.bench.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heap in use once a second while a measurement runs. Server, broker and agents share this JVM, so
 * this is their sum; the agents' share is measured apart, at start ({@link AgentFleet.FleetCost}).
 */
final class HeapSampler implements AutoCloseable {
    private final List<HeapSample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    HeapSampler start() {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(
                () -> samples.add(new HeapSample(
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                        Math.round(JvmGauges.heapUsedBytes() / 1024.0 / 1024.0 * 10) / 10.0)),
                0,
                1,
                TimeUnit.SECONDS);
        return this;
    }

    List<HeapSample> samples() {
        return List.copyOf(samples);
    }

    /** Heap in use at that second, or the nearest earlier sample. */
    double heapAt(long second) {
        double heap = 0;
        for (HeapSample sample : samples) {
            if (sample.second() <= second) {
                heap = sample.heapUsedMiB();
            }
        }
        return Math.round(heap * 10) / 10.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
