package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates API keys and secrets as CloudStack does: 64 random bytes, URL-safe base64 without padding
 * (86 characters), so that clients that size or validate them keep working.
 */
public final class ApiKeys {
    private static final int BYTES = 64;

    private final SecureRandom random;

    public ApiKeys(SecureRandom random) {
        this.random = requireNonNull(random, "random is null");
    }

    public String newKey() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
