package io.weft.agent.process;

import static java.util.Objects.requireNonNull;

/** What a finished process left behind. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public CommandResult {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
