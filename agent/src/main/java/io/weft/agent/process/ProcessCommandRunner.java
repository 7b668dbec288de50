package io.weft.agent.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Runs commands as real child processes of this JVM. */
public final class ProcessCommandRunner implements CommandRunner {

    /**
     * How long to keep draining output after the process exited. A daemon that detaches may keep
     * our pipes open in a grandchild; we must not wait for it.
     */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private final AtomicLong invocations = new AtomicLong();

    @Override
    public CommandResult run(Command command) {
        invocations.incrementAndGet();
        List<String> argv = command.effectiveArgv();
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(command.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException(argv, "could not start: " + e.getMessage(), e);
        }
        StreamCollector stdout = new StreamCollector(process.getInputStream());
        StreamCollector stderr = new StreamCollector(process.getErrorStream());
        Thread stdoutThread = daemon(stdout, "stdout", process);
        Thread stderrThread = daemon(stderr, "stderr", process);
        Thread stdinThread = daemon(() -> feed(process.getOutputStream(), command.stdin()), "stdin", process);
        try {
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                join(stderrThread);
                throw new CommandFailedException(argv, CommandFailedException.NO_EXIT_CODE, stderr.text(), true);
            }
            join(stdinThread);
            join(stdoutThread);
            join(stderrThread);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CommandFailedException(argv, "interrupted", e);
        }
        return new CommandResult(process.exitValue(), stdout.text(), stderr.text());
    }

    @Override
    public long invocationCount() {
        return invocations.get();
    }

    private static Thread daemon(Runnable body, String stream, Process process) {
        Thread thread = new Thread(body, "command-" + process.pid() + "-" + stream);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException exitedBeforeReading) {
            // A process may legitimately exit without reading its input (e.g. `true`).
        }
    }

    private static void join(Thread thread) throws InterruptedException {
        thread.join(DRAIN_GRACE.toMillis());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
