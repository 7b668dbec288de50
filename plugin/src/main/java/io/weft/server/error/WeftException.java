package io.weft.server.error;

import static java.util.Objects.requireNonNull;

/** The one exception type services throw; the API edge maps {@link #code()} to the wire. */
public final class WeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public WeftException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public WeftException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public static WeftException notFound(String what, Object id) {
        return new WeftException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static WeftException invalid(String message) {
        return new WeftException(ErrorCode.INVALID_PARAMETER, message);
    }
}
