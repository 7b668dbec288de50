package io.weft.spec.ec2;

import static java.util.Objects.requireNonNull;

/**
 * An EC2 error code the server may answer with, in the {@code <Response><Errors><Error>} body.
 *
 * @param category a group of related codes, such as {@code not-found} or {@code authentication}
 * @param when the situation that calls for the code
 */
public record Ec2ErrorSpec(String code, int httpStatus, String category, String when) {
    public Ec2ErrorSpec {
        requireNonNull(code, "code is null");
        requireNonNull(category, "category is null");
        requireNonNull(when, "when is null");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException(code + ": an error needs a 4xx or 5xx status, not " + httpStatus);
        }
    }
}
