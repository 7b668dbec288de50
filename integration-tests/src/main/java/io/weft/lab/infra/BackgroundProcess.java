package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A long-running helper (a listener inside a VM namespace). Its output goes to a log file rather
 * than a pipe, so a chatty process can never block on a full pipe that nobody reads.
 */
public final class BackgroundProcess implements AutoCloseable {

    private final List<String> argv;
    private final Process process;
    private final Path log;

    private BackgroundProcess(List<String> argv, Process process, Path log) {
        this.argv = argv;
        this.process = process;
        this.log = log;
    }

    static BackgroundProcess start(List<String> argv, Path log) {
        requireNonNull(argv, "argv is null");
        requireNonNull(log, "log is null");
        try {
            Process process = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new BackgroundProcess(List.copyOf(argv), process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", argv), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed so far; for error messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<Long> pids = process.descendants().map(ProcessHandle::pid).toList();
        HostProcesses.terminate(List.of(process.pid()));
        // socat forks a child per connection; those must not outlive the listener.
        HostProcesses.terminate(pids);
    }

    @Override
    public String toString() {
        return String.join(" ", argv) + " (pid " + process.pid() + ")";
    }
}
