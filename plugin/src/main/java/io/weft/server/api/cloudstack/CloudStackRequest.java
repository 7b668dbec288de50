package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One call as it arrived: the query and form parameters merged, URL-decoded, with their raw names
 * (which the signature covers), in arrival order.
 */
public record CloudStackRequest(Map<String, String> parameters) {
    public CloudStackRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
    }

    /** The value of the first parameter whose name equals {@code name} ignoring case. */
    public Optional<String> parameter(String name) {
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** Clients ask for JSON with {@code response=json}; without it CloudStack answers XML. */
    public ResponseFormat format() {
        return parameter("response")
                .filter(value -> value.equalsIgnoreCase("json"))
                .map(value -> ResponseFormat.JSON)
                .orElse(ResponseFormat.XML);
    }
}
