package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

/** A user's API key pair in plain, as registerUserKeys and getUserKeys return it. */
public record UserKeys(String apiKey, String secretKey) {
    public UserKeys {
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(secretKey, "secretKey is null");
    }

    @Override
    public String toString() {
        return "UserKeys[apiKey=" + apiKey + "]";
    }
}
