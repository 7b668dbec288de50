package io.weft.lab.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Liveness and termination of host processes that the lab did not start as direct children. */
public final class HostProcesses {

    private static final Duration TERM_GRACE = Duration.ofSeconds(5);

    private HostProcesses() {}

    /**
     * True while the process runs. A zombie counts as gone: daemons that detach are re-parented to
     * PID 1, which on some machines never reaps them, so a zombie is the normal end state here.
     */
    static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Field 3, after the parenthesised command name (which may itself contain spaces).
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            return afterName.charAt(0) != 'Z' && afterName.charAt(0) != 'X';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** SIGTERM, wait up to a grace period, then SIGKILL whatever still runs. */
    static void terminate(Collection<Long> pids) {
        List<ProcessHandle> handles =
                pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TERM_GRACE.toNanos();
        while (handles.stream().anyMatch(handle -> isRunning(handle.pid())) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        handles.stream().filter(handle -> isRunning(handle.pid())).forEach(ProcessHandle::destroyForcibly);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
