package io.weft.server.api.rest;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One REST operation: a method, a path template with {@code {variables}} and its handler. The
 * template's segments match one path segment each.
 */
public record RestRoute(String method, String template, RestOperation operation) {
    /** Handles one authenticated call. */
    @FunctionalInterface
    public interface RestOperation {
        RestResponse handle(RestRequest request);
    }

    public RestRoute {
        requireNonNull(method, "method is null");
        requireNonNull(template, "template is null");
        requireNonNull(operation, "operation is null");
    }

    /** The path variables if {@code path} matches the template. */
    public Optional<Map<String, String>> match(String path) {
        List<String> want = List.of(template.split("/"));
        List<String> got = List.of(path.split("/"));
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String segment = want.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (got.get(i).isEmpty()) {
                    return Optional.empty();
                }
                variables.put(segment.substring(1, segment.length() - 1), got.get(i));
            } else if (!segment.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }
}
