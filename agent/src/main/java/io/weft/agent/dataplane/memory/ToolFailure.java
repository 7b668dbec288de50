package io.weft.agent.dataplane.memory;

/** A fake tool refusing its input the way the real one would: exit code 1 and a message on stderr. */
final class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolFailure(String message) {
        super(message);
    }
}
