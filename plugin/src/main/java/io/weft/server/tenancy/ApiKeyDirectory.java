package io.weft.server.tenancy;

import java.util.Optional;

/** Finds the enabled user that owns an API key; what the API edges authenticate against. */
public interface ApiKeyDirectory {
    /** The credentials of the enabled user whose API key is {@code apiKey}, if any. */
    Optional<ApiCredentials> findByApiKey(String apiKey);
}
