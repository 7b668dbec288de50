package io.weft.server.api.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One authenticated REST call: who, the path's variables, the query and the JSON body. */
public record RestRequest(Caller caller, Map<String, String> path, Map<String, String> query, JsonNode body) {
    public RestRequest {
        requireNonNull(caller, "caller is null");
        path = Map.copyOf(requireNonNull(path, "path is null"));
        query = Map.copyOf(requireNonNull(query, "query is null"));
        requireNonNull(body, "body is null");
    }

    public UUID pathUuid(String name) {
        String value = path.get(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw WeftException.invalid(name + " '" + value + "' is not a UUID");
        }
    }

    public Optional<Duration> waitFor() {
        String value = query.get("waitSeconds");
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 0 || seconds > 600) {
                throw WeftException.invalid("waitSeconds must be 0-600, not " + value);
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            throw WeftException.invalid("waitSeconds must be a number, not '" + value + "'");
        }
    }
}
