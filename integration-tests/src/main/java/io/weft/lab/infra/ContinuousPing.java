package io.weft.lab.infra;

import io.weft.agent.process.ProcessCommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ping that runs until stopped, from a lab VM, recording which echo requests were answered and
 * when ({@code ping -D} timestamps), so that a test can say exactly which requests were lost and in
 * which phase of what it did meanwhile.
 */
public final class ContinuousPing implements AutoCloseable {
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\].*icmp_seq=(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted.*time (\\d+)ms");

    /**
     * Which requests were answered (sequence → reply time, epoch ms), how many were sent, and over
     * how long (from ping's own summary).
     */
    public record Outcome(int transmitted, NavigableMap<Integer, Long> replies, Duration interval, Duration elapsed) {
        /** Echo requests sent per second, as achieved (the requested interval is only a floor). */
        public double rate() {
            return elapsed.isZero() ? 0 : transmitted * 1000.0 / elapsed.toMillis();
        }

        /**
         * Unanswered requests, leaving out the last second's worth, which may still have been in
         * flight when ping was stopped.
         */
        public List<Integer> lost() {
            int considered = transmitted - (int) (1000 / Math.max(1, interval.toMillis()));
            List<Integer> lost = new ArrayList<>();
            for (int seq = 1; seq <= considered; seq++) {
                if (!replies.containsKey(seq)) {
                    lost.add(seq);
                }
            }
            return lost;
        }

        /** When a request was sent, estimated from the nearest answered one before it (epoch ms). */
        public long sentAround(int seq) {
            var before = replies.floorEntry(seq);
            if (before != null) {
                return before.getValue() + (seq - before.getKey()) * interval.toMillis();
            }
            var after = replies.ceilingEntry(seq);
            return after == null ? 0 : after.getValue() - (after.getKey() - seq) * interval.toMillis();
        }
    }

    private final Process process;
    private final Thread reader;
    private final Duration interval;
    private final NavigableMap<Integer, Long> replies = new TreeMap<>();
    private final StringBuilder other = new StringBuilder();

    private ContinuousPing(Process process, Duration interval) {
        this.process = process;
        this.interval = interval;
        this.reader = new Thread(this::read, "continuous-ping");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts pinging {@code targetIp} every {@code interval} from inside the VM's namespace. iputils
     * ping keeps the interval in whole milliseconds and, here, needs about 16 ms per request at
     * {@code -i 0.010} but keeps to 9 ms at {@code -i 0.009} when the machine is idle: check
     * {@link Outcome#rate()}.
     */
    public static ContinuousPing start(Vm source, String targetIp, Duration interval) {
        List<String> argv = List.of(
                "ip",
                "netns",
                "exec",
                source.namespace(),
                "ping",
                "-n",
                "-D",
                "-i",
                String.format("%.3f", interval.toMillis() / 1000.0),
                "-W",
                "1",
                targetIp);
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            return new ContinuousPing(process, interval);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + argv, e);
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher reply = REPLY.matcher(line);
                synchronized (replies) {
                    if (reply.find()) {
                        long millis = (long) (Double.parseDouble(reply.group(1)) * 1000);
                        replies.putIfAbsent(Integer.parseInt(reply.group(2)), millis);
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is what there is.
        }
    }

    /** Stops ping as Ctrl-C does (so that it prints its summary) and returns what it saw. */
    public Outcome stop() {
        // ip netns exec execs ping, so this pid is ping's own. Java itself can only send SIGTERM
        // and SIGKILL, on which ping prints no summary.
        new ProcessCommandRunner().runChecked("kill", "-INT", Long.toString(process.pid()));
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (replies) {
            Matcher summary = SUMMARY.matcher(other);
            if (!summary.find()) {
                throw new IllegalStateException("ping printed no summary: " + other);
            }
            return new Outcome(
                    Integer.parseInt(summary.group(1)),
                    new TreeMap<>(replies),
                    interval,
                    Duration.ofMillis(Long.parseLong(summary.group(2))));
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
