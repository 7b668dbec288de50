package io.weft.agent.dataplane;

/** Programming or reading the dataplane failed; the message names the tool and its stderr. */
public final class DataplaneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataplaneException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataplaneException(String message) {
        super(message);
    }
}
