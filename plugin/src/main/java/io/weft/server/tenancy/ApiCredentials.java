package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

/**
 * A user's API key pair together with who the user is. The secret is only ever held in memory in
 * plain form; at rest it is encrypted.
 */
public record ApiCredentials(String apiKey, String secretKey, Caller caller) {
    public ApiCredentials {
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(secretKey, "secretKey is null");
        requireNonNull(caller, "caller is null");
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=" + apiKey + ", caller=" + caller + "]";
    }
}
