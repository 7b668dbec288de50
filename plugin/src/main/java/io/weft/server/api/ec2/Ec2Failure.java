package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

/**
 * An error to answer in EC2's {@code <Response><Errors>} shape. Services never throw it: the edge
 * raises it for wire problems and {@link Ec2ErrorMapper} turns service errors into it.
 */
final class Ec2Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    Ec2Failure(String code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    String code() {
        return code;
    }

    static Ec2Failure invalidValue(String message) {
        return new Ec2Failure("InvalidParameterValue", message);
    }

    static Ec2Failure missing(String parameter) {
        return new Ec2Failure("MissingParameter", "The request must contain the parameter " + parameter);
    }
}
