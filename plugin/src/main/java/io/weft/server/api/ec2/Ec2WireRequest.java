package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as it arrived, before decoding: what SigV4 is computed over. Header names are
 * kept lower-case; the body is the raw bytes the client hashed.
 */
record Ec2WireRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    Ec2WireRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(rawQuery, "rawQuery is null");
        Map<String, List<String>> lower = new TreeMap<>();
        requireNonNull(headers, "headers is null")
                .forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
        body = requireNonNull(body, "body is null").clone();
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ec2WireRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && rawQuery.equals(that.rawQuery)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " (" + body.length + " bytes)";
    }
}
