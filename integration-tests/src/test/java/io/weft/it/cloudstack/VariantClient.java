package io.weft.it.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A CloudStack client over {@code java.net.http} that signs and sends as one {@link SigningVariant}. */
final class VariantClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body) {
        /** What is under the single envelope key. */
        JsonNode inner() {
            return body.elements().next();
        }
    }

    private final HttpClient http;
    private final URI api;
    private final SigningVariant variant;
    private final String apiKey;
    private final String secretKey;

    VariantClient(HttpClient http, URI api, SigningVariant variant, String apiKey, String secretKey) {
        this.http = http;
        this.api = api;
        this.variant = variant;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    VariantClient as(String otherApiKey, String otherSecretKey) {
        return new VariantClient(http, api, variant, otherApiKey, otherSecretKey);
    }

    Reply call(String command, String... namesAndValues) {
        Map<String, String> parameters = parameters(command, namesAndValues);
        return send(parameters, parameters);
    }

    /** Signs {@code parameterName=signedValue} but sends {@code sentValue}, as a tampered request would. */
    Reply callTampered(String command, String parameterName, String signedValue, String sentValue) {
        Map<String, String> signedOver = parameters(command, parameterName, signedValue);
        return send(signedOver, parameters(command, parameterName, sentValue));
    }

    private static Map<String, String> parameters(String command, String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("command", command);
        parameters.put("response", "json");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private Reply send(Map<String, String> signedOver, Map<String, String> sent) {
        String command = sent.get("command");
        Map<String, String> signingParameters = variant.withSigningParameters(signedOver, apiKey, Clock.systemUTC());
        Map<String, String> signed = new LinkedHashMap<>(signingParameters);
        signed.putAll(sent);
        signed.put("signature", variant.sign(secretKey, signingParameters));
        String encoded = signed.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + variant.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = variant.transport() == SigningVariant.Transport.GET
                ? HttpRequest.newBuilder(URI.create(api + "?" + encoded)).GET().build()
                : HttpRequest.newBuilder(api)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded))
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }

    /** A sync command that must succeed; returns what is under the envelope. */
    JsonNode ok(String command, String... namesAndValues) {
        Reply reply = call(command, namesAndValues);
        assertThat(reply.status()).as("%s %s", command, reply.body()).isEqualTo(200);
        return reply.inner();
    }

    /** An async command that must succeed; polls its job and returns the {@code jobresult}. */
    JsonNode jobOk(String command, String... namesAndValues) {
        JsonNode submitted = ok(command, namesAndValues);
        assertThat(submitted.get("jobid").isTextual()).as("%s", submitted).isTrue();
        JsonNode job = await(submitted.get("jobid").asText());
        assertThat(job.get("jobstatus").asInt()).as("%s %s", command, job).isEqualTo(1);
        return job.get("jobresult");
    }

    JsonNode await(String jobId) {
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonNode job = ok("queryAsyncJobResult", "jobid", jobId);
            assertThat(job.get("jobid").asText()).isEqualTo(jobId);
            assertThat(job.get("jobstatus").isNumber()).isTrue();
            if (job.get("jobstatus").asInt() != 0) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }
}
