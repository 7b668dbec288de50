package io.weft.bench.system.ovn;

import io.weft.agent.process.Command;
import io.weft.lab.infra.Hypervisor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches a bridge's flows that match {@code match} through an OpenFlow flow monitor ({@code
 * ovs-ofctl monitor <bridge> watch:!initial,<match>}): vswitchd tells us of every flow added or
 * deleted as it happens, so the time a change reached the flow table is known without polling, and
 * without a poll loop's process starts competing with northd for the CPU.
 *
 * <p>It keeps a running net count (added minus deleted) with the time of each event; a caller takes
 * the count before a change and waits for it to move by the flows the change should add or remove.
 */
final class FlowWatch implements AutoCloseable {

    private static final String READY = "NXST_FLOW_MONITOR reply";

    private record Event(long net, long receivedNanos) {}

    private final Process process;
    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch registered = new CountDownLatch(1);
    private long net;

    private FlowWatch(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "flow-watch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the monitor and returns once vswitchd has registered it. */
    static FlowWatch start(Hypervisor hypervisor, String bridge, String match, Duration timeout) {
        Command command = hypervisor.command(List.of("ovs-ofctl", "monitor", bridge, "watch:!initial," + match));
        ProcessBuilder builder = new ProcessBuilder(command.effectiveArgv()).redirectErrorStream(true);
        builder.environment().putAll(command.environment());
        FlowWatch watch;
        try {
            watch = new FlowWatch(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            if (!watch.registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                watch.close();
                throw new IllegalStateException("the flow monitor on " + bridge + " did not start within " + timeout);
            }
        } catch (InterruptedException e) {
            watch.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return watch;
    }

    /** Flows added minus flows deleted since the watch started. */
    synchronized long net() {
        return net;
    }

    /** Waits until the net count is {@code target}; returns when vswitchd reported the event that made it so. */
    synchronized long awaitNet(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (net != target) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive()) {
                throw new IllegalStateException("flow count moved to " + net + ", never to " + target);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).net() == target) {
                return events.get(i).receivedNanos();
            }
        }
        throw new IllegalStateException("no event reached " + target);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                if (line.startsWith(READY)) {
                    registered.countDown();
                }
                int change = line.contains("event=ADDED") ? 1 : line.contains("event=DELETED") ? -1 : 0;
                if (change != 0) {
                    record(change, now);
                }
            }
        } catch (IOException ended) {
            // The monitor was closed; waiters see the process gone.
        }
        synchronized (this) {
            notifyAll();
        }
    }

    private synchronized void record(int change, long receivedNanos) {
        net += change;
        events.add(new Event(net, receivedNanos));
        notifyAll();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
