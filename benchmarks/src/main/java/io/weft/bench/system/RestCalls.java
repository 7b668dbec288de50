package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.testsupport.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Weft's native REST API ({@code /api/v1}) over real HTTP, with HTTP Basic as one user's API keys. */
final class RestCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    /** What the server answered: the status and the body, parsed when it is JSON. */
    record Reply(int status, JsonNode body) {}

    RestCalls(URI serverBase) {
        this.base = requireNonNull(serverBase, "serverBase is null").resolve("/api/v1");
    }

    Reply get(ApiKeys keys, String path, Duration timeout) {
        return send(request(keys, path, timeout).GET().build());
    }

    Reply put(ApiKeys keys, String path, Object body) {
        try {
            return send(request(keys, path, Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new IllegalArgumentException("unserialisable body", e);
        }
    }

    private HttpRequest.Builder request(ApiKeys keys, String path, Duration timeout) {
        String basic = Base64.getEncoder()
                .encodeToString((keys.apiKey() + ":" + keys.secretKey()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
