package io.weft.bench.system;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/** This JVM's live threads and heap in use: the server, its broker and every simulated agent. */
final class JvmGauges {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JvmGauges() {}

    record Snapshot(int threads, long heapUsedBytes) {}

    /** Heap in use now, garbage included: what a time series of a running system shows. */
    static long heapUsedBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** After two full collections, so that the heap figure is what is held, not garbage. */
    static Snapshot afterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Snapshot(THREADS.getThreadCount(), heapUsedBytes());
    }
}
