package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code ip -o monitor link} (in the configured namespace) and calls back on every line,
 * so that a VM's tap is plugged as soon as the hypervisor creates it instead of at the next
 * resync. The periodic resync remains the safety net if the monitor dies.
 */
public final class LinkMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitor.class);

    private final Process process;
    private final Thread reader;

    private LinkMonitor(Process process, Runnable onChange) {
        this.process = process;
        this.reader = new Thread(() -> read(onChange), "weft-agent-link-monitor");
        reader.setDaemon(true);
        reader.start();
    }

    public static LinkMonitor start(Optional<String> namespace, Runnable onChange) {
        requireNonNull(onChange, "onChange is null");
        List<String> argv = new ArrayList<>();
        namespace.ifPresent(ns -> argv.addAll(List.of("ip", "netns", "exec", ns)));
        argv.addAll(List.of("ip", "-o", "monitor", "link"));
        try {
            Process process = new ProcessBuilder(argv)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new LinkMonitor(process, onChange);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", argv), e);
        }
    }

    private void read(Runnable onChange) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            while (lines.readLine() != null) {
                onChange.run();
            }
        } catch (IOException e) {
            LOG.debug("link monitor stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
