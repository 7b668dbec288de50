package io.weft.lab;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.api.cloudstack.CloudStackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A caller of the CloudStack-compatible API over real HTTP, signing every request with one user's
 * keys the way CloudStack clients do. Failures throw, carrying the server's reply, so that a lab
 * scenario stops at the first call the server refused.
 */
public final class CloudStackApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final String secretKey;

    public CloudStackApi(URI endpoint, String apiKey, String secretKey) {
        this(HttpClient.newHttpClient(), endpoint, apiKey, secretKey);
    }

    private CloudStackApi(HttpClient http, URI endpoint, String apiKey, String secretKey) {
        this.http = requireNonNull(http, "http is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        this.secretKey = requireNonNull(secretKey, "secretKey is null");
    }

    /** The same endpoint as another user. */
    public CloudStackApi as(String otherApiKey, String otherSecretKey) {
        return new CloudStackApi(http, endpoint, otherApiKey, otherSecretKey);
    }

    /** A synchronous command that must succeed; returns what is under the response envelope. */
    public JsonNode call(String command, String... namesAndValues) {
        Reply reply = send(command, namesAndValues);
        if (reply.status() != 200) {
            throw new IllegalStateException(command + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.inner();
    }

    /**
     * An asynchronous command that must succeed: submits it, polls its job to the end and returns
     * the job (its {@code jobresult}, and Weft's {@code changeid} when the job changed the fleet).
     */
    public JsonNode job(String command, String... namesAndValues) {
        String jobId = call(command, namesAndValues).path("jobid").asText();
        if (jobId.isEmpty()) {
            throw new IllegalStateException(command + " returned no job id");
        }
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = call("queryAsyncJobResult", "jobid", jobId);
            int status = job.path("jobstatus").asInt();
            if (status == 1) {
                return job;
            }
            if (status != 0) {
                throw new IllegalStateException(command + " job failed: " + job);
            }
            HostProcesses.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException(command + " job " + jobId + " did not finish within " + JOB_TIMEOUT);
    }

    /** The fleet change a finished job committed, when it committed one. */
    public static OptionalLong changeId(JsonNode job) {
        JsonNode change = job.path("changeid");
        return change.isNumber() ? OptionalLong.of(change.asLong()) : OptionalLong.empty();
    }

    private record Reply(int status, JsonNode body) {
        JsonNode inner() {
            return body.elements().next();
        }
    }

    private Reply send(String command, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        params.put("response", "json");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        params.put("apiKey", apiKey);
        params.put(
                "signature",
                CloudStackSignature.sign(
                        secretKey,
                        CloudStackSignature.stringToSign(params, CloudStackSignature.Canonicalisation.CLOUDSTACK)));
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // POST keeps long parameter lists (rule lists, group ids) out of the URL length limit.
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }
}
