package io.weft.it.clients;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external client as a process: an argument vector (never a shell), a working directory,
 * extra environment, a timeout, and its stdout and stderr kept together in the order written, so
 * that a failing test shows what the client printed.
 */
final class ClientProcess {
    private ClientProcess() {}

    /** What one run of a client left: its exit code (-1 after a timeout) and all it printed. */
    record Outcome(List<String> command, int exitCode, String output) {
        Outcome {
            requireNonNull(command, "command is null");
            requireNonNull(output, "output is null");
            command = List.copyOf(command);
        }

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The command, its exit code and its whole output: the text a failure message carries. */
        String report() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n" + output;
        }
    }

    static Outcome run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout)
            throws IOException {
        Path log = Files.createTempFile("client-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            int exitCode;
            try {
                if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    exitCode = process.exitValue();
                } else {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    exitCode = -1;
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + command + " ran", e);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (exitCode == -1) {
                output += "\n[killed after " + timeout.toSeconds() + "s]";
            }
            return new Outcome(command, exitCode, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
