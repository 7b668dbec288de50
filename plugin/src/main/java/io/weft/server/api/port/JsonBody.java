package io.weft.server.api.port;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a request body the way the OpenAPI description types it: an object with only the described
 * fields (additionalProperties: false), every violation a 400.
 */
final class JsonBody {
    private final JsonNode body;

    private JsonBody(JsonNode body) {
        this.body = body;
    }

    static JsonBody of(JsonNode body, Set<String> allowed) {
        if (!body.isObject()) {
            throw WeftException.invalid("the request body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw WeftException.invalid("unknown field '" + name + "'");
            }
        }
        return new JsonBody(body);
    }

    UUID requiredUuid(String name) {
        return uuid(name).orElseThrow(() -> new WeftException(ErrorCode.MISSING_PARAMETER, name + " is required"));
    }

    Optional<UUID> uuid(String name) {
        return text(name).map(value -> parseUuid(name, value));
    }

    Optional<String> text(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw WeftException.invalid(name + " must be a string");
        }
        return Optional.of(value.asText());
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw WeftException.invalid(name + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** A list of UUIDs of at most {@code max} items; absent when the field is. */
    Optional<List<UUID>> uuids(String name, int max) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw WeftException.invalid(name + " must be an array");
        }
        if (value.size() > max) {
            throw WeftException.invalid(name + " may hold at most " + max + " items");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw WeftException.invalid(name + " must hold strings");
            }
            ids.add(parseUuid(name, item.asText()));
        }
        return Optional.of(List.copyOf(ids));
    }

    private static UUID parseUuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw WeftException.invalid(name + " '" + value + "' is not a UUID");
        }
    }
}
