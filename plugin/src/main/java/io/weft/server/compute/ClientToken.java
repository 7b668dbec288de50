package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

/**
 * EC2's ClientToken on a create, kept with what it created: the token, unique per account, and a hash
 * of the request's other parameters, which tells a retry of that request from a reuse of the token
 * with other parameters (EC2's IdempotentParameterMismatch).
 */
public record ClientToken(String token, String requestHash) {
    /** EC2 allows up to 64 ASCII characters; the hash is a SHA-256 in hex, as long. */
    public static final int MAX_LENGTH = 64;

    public ClientToken {
        requireNonNull(token, "token is null");
        requireNonNull(requestHash, "requestHash is null");
        if (requestHash.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("requestHash is longer than " + MAX_LENGTH + " characters");
        }
    }
}
