package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A key directory held in a map, for tests of the API edge. */
public final class InMemoryApiKeyDirectory implements ApiKeyDirectory {
    private final Map<String, ApiCredentials> byKey = new ConcurrentHashMap<>();

    public InMemoryApiKeyDirectory add(String apiKey, String secretKey, Caller caller) {
        byKey.put(apiKey, new ApiCredentials(apiKey, secretKey, caller));
        return this;
    }

    public InMemoryApiKeyDirectory addRootAdmin(String apiKey, String secretKey) {
        return add(apiKey, secretKey, rootAdmin());
    }

    public static Caller rootAdmin() {
        return new Caller(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                UUID.fromString("00000000-0000-0000-0000-000000000003"),
                "ROOT/",
                Role.ROOT_ADMIN);
    }

    @Override
    public Optional<ApiCredentials> findByApiKey(String apiKey) {
        return Optional.ofNullable(byKey.get(apiKey));
    }
}
