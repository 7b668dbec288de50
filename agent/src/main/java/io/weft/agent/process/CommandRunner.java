package io.weft.agent.process;

/**
 * Runs host commands. The one seam between the agent and the processes it starts, so that tests
 * can substitute a recording fake and so that every dataplane write can be counted.
 */
public interface CommandRunner {

    /**
     * Runs the command to completion and returns its result whatever the exit code.
     *
     * @throws CommandFailedException if the process cannot be started or exceeds its timeout
     */
    CommandResult run(Command command);

    /** How many commands this runner has been asked to run since it was created. */
    long invocationCount();

    /**
     * Runs the command and insists on exit code 0.
     *
     * @throws CommandFailedException on a non-zero exit, with the command and its stderr
     */
    default CommandResult runChecked(Command command) {
        CommandResult result = run(command);
        if (!result.succeeded()) {
            throw CommandFailedException.exited(command.effectiveArgv(), result);
        }
        return result;
    }

    /** Convenience for a plain argument vector with the default timeout, checked. */
    default CommandResult runChecked(String... argv) {
        return runChecked(Command.of(argv));
    }
}
