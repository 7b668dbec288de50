package io.weft.bench.system;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** This JVM's live threads and heap in use: the server, its broker and every simulated agent. */
final class JvmGauges {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JvmGauges() {}

    record Snapshot(int threads, long heapUsedBytes) {}

    /**
     * Live threads by name with host ids and numbers masked ({@code weft-agent-jms-#}), the largest
     * groups first: which code holds the threads.
     */
    static Map<String, Integer> threadsByName(int top) {
        Map<String, Integer> counts = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName()
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "#")
                    .replaceAll("[0-9]+", "#");
            counts.merge(name, 1, Integer::sum);
        }
        Map<String, Integer> largest = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> largest.put(e.getKey(), e.getValue()));
        return largest;
    }

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
