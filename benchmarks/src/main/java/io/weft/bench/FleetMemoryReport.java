package io.weft.bench;

import io.weft.bench.model.FleetShape;
import io.weft.bench.model.MembershipFleet;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a loaded fleet costs the dispatcher in memory and time: loads a {@link MembershipFleet}
 * the way the dispatcher starts (model first, then one FULL per host, each dropped once planned,
 * as it would be once handed to the broker), reports the heap still in use after a full GC — the
 * planner's sent states and the fleet model — and then times a few membership changes.
 *
 * <p>Run: {@code java -Xmx20g -cp benchmarks/target/benchmarks.jar io.weft.bench.FleetMemoryReport
 * HOSTS NICS_PER_HOST REFERENCING_HOSTS [CHANGES]}; a network per 10 hosts, as in the benchmark.
 */
public final class FleetMemoryReport {
    private static final HostMessageCodec CODEC = new HostMessageCodec();

    private FleetMemoryReport() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: FleetMemoryReport HOSTS NICS_PER_HOST REFERENCING_HOSTS [CHANGES]");
            System.exit(2);
        }
        FleetShape shape =
                new FleetShape(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 10, Integer.parseInt(args[2]));
        int changes = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        System.out.println(
                "fleet " + shape + ", " + shape.nics() + " NICs; heap before load " + mib(usedAfterGc()) + " MiB");

        LongAdder fulls = new LongAdder();
        LongAdder fullEntries = new LongAdder();
        long start = System.nanoTime();
        MembershipFleet fleet = MembershipFleet.loadStreaming(shape, update -> {
            fulls.increment();
            fullEntries.add(update.upserts().size());
        });
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("load: " + loadMillis + " ms; " + fulls.sum() + " FULLs planned, " + fullEntries.sum()
                + " entries in all (not encoded)");
        System.out.println("heap after load and full GC: " + mib(usedAfterGc()) + " MiB");

        for (int i = 0; i < changes; i++) {
            long changeStart = System.nanoTime();
            List<HostUpdate> updates = fleet.planner().apply(List.of(fleet.nextMembershipChange()));
            long planned = System.nanoTime();
            long bytes = 0;
            for (HostUpdate update : updates) {
                bytes += CODEC.encodeBytes(update).length;
            }
            long encoded = System.nanoTime();
            System.out.printf(
                    "membership change %d: planned in %.1f ms, encoded in %.1f ms; %d messages, %d bytes%n",
                    i + 1, (planned - changeStart) / 1e6, (encoded - planned) / 1e6, updates.size(), bytes);
        }
        System.out.println("heap after the changes and full GC: " + mib(usedAfterGc()) + " MiB");
        // Keeps the fleet reachable until the last measurement.
        System.out.println("hosts sent: " + fleet.planner().fleet().hostIds().size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
