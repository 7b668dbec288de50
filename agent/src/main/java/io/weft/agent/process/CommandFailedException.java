package io.weft.agent.process;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A process exited non-zero, timed out or could not be started. Carries the argument vector and
 * stderr because "exit status 1" alone never tells an operator what went wrong.
 */
public final class CommandFailedException extends RuntimeException {

    /** The exit code reported when the process never produced one (timeout, failed start). */
    public static final int NO_EXIT_CODE = -1;

    private final List<String> command;
    private final int exitCode;
    private final String stderr;
    private final boolean timedOut;

    public CommandFailedException(List<String> command, int exitCode, String stderr, boolean timedOut) {
        super(describe(command, exitCode, stderr, timedOut));
        this.command = List.copyOf(requireNonNull(command, "command is null"));
        this.exitCode = exitCode;
        this.stderr = requireNonNull(stderr, "stderr is null");
        this.timedOut = timedOut;
    }

    public CommandFailedException(List<String> command, String reason, Throwable cause) {
        super(String.join(" ", command) + ": " + reason, cause);
        this.command = List.copyOf(requireNonNull(command, "command is null"));
        this.exitCode = NO_EXIT_CODE;
        this.stderr = "";
        this.timedOut = false;
    }

    public static CommandFailedException exited(List<String> command, CommandResult result) {
        return new CommandFailedException(command, result.exitCode(), result.stderr(), false);
    }

    public List<String> command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderr() {
        return stderr;
    }

    public boolean timedOut() {
        return timedOut;
    }

    private static String describe(List<String> command, int exitCode, String stderr, boolean timedOut) {
        String what = timedOut ? "timed out" : "exited with " + exitCode;
        String detail = stderr.isBlank() ? "" : ": " + stderr.strip();
        return String.join(" ", command) + " " + what + detail;
    }
}
