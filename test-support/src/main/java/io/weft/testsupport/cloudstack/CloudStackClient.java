package io.weft.testsupport.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.testsupport.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A caller of the CloudStack-compatible API over real HTTP, signing every request with one user's
 * keys as one real client does ({@link SigningVariant}; CloudStack's own by default). It signs with
 * its own code, not the server's verifier, so that a test through it proves the two agree.
 *
 * <p>{@link #call} returns whatever the server answered; {@link #ok}, {@link #succeededJob} and
 * {@link #jobOk} demand success and throw {@link CloudStackCallFailed}, carrying the server's reply,
 * so that a test or a lab scenario stops at the first call the server refused.
 */
public final class CloudStackClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration JOB_POLL = Duration.ofMillis(50);

    /** An HTTP status and the body the server sent with it, parsed and as sent. */
    public record Reply(int status, JsonNode body, String text) {
        public Reply {
            requireNonNull(body, "body is null");
            requireNonNull(text, "text is null");
        }

        /** What is under the single envelope key ({@code listzonesresponse}, {@code errorresponse}...). */
        public JsonNode inner() {
            return body.elements().next();
        }
    }

    private final HttpClient http;
    private final URI api;
    private final ApiKeys keys;
    private final SigningVariant variant;
    private final SigningVariant.Transport transport;

    private CloudStackClient(
            HttpClient http, URI api, ApiKeys keys, SigningVariant variant, SigningVariant.Transport transport) {
        this.http = requireNonNull(http, "http is null");
        this.api = requireNonNull(api, "api is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.variant = requireNonNull(variant, "variant is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** A client of {@code api} ({@code http://host:port/client/api}) signing as CloudStack's own server does. */
    public static CloudStackClient of(URI api, ApiKeys keys) {
        SigningVariant variant = SigningVariant.CLOUDSTACK_SERVER;
        return new CloudStackClient(HttpClient.newHttpClient(), api, keys, variant, variant.transport());
    }

    /** The same client sending through {@code other}, e.g. one whose SSLContext trusts a test certificate. */
    public CloudStackClient over(HttpClient other) {
        return new CloudStackClient(other, api, keys, variant, transport);
    }

    /** The same endpoint as another user. */
    public CloudStackClient as(ApiKeys otherKeys) {
        return new CloudStackClient(http, api, otherKeys, variant, transport);
    }

    /** The same endpoint as another user. */
    public CloudStackClient as(String otherApiKey, String otherSecretKey) {
        return as(new ApiKeys(otherApiKey, otherSecretKey));
    }

    /** The same user, signing and sending as {@code other} does. */
    public CloudStackClient signingAs(SigningVariant other) {
        return new CloudStackClient(http, api, keys, other, other.transport());
    }

    /** The same user, sending forms by POST: long parameter lists stay out of the URL length limit. */
    public CloudStackClient sendingForms() {
        return new CloudStackClient(http, api, keys, variant, SigningVariant.Transport.POST_FORM);
    }

    /** The same user, sending queries in the URL by GET, as cloudstack-go does for its list commands. */
    public CloudStackClient sendingQueries() {
        return new CloudStackClient(http, api, keys, variant, SigningVariant.Transport.GET);
    }

    /** Sends a command and returns what the server answered, whatever it was. */
    public Reply call(String command, String... namesAndValues) {
        return call(command, Params.pairs(namesAndValues));
    }

    /** Sends a command and returns what the server answered, whatever it was. */
    public Reply call(String command, Params params) {
        Map<String, String> parameters = withCommand(command, params);
        return send(parameters, parameters);
    }

    /** Signs {@code parameterName=signedValue} but sends {@code sentValue}, as a tampered request would. */
    public Reply callTampered(String command, String parameterName, String signedValue, String sentValue) {
        return send(
                withCommand(command, Params.of(parameterName, signedValue)),
                withCommand(command, Params.of(parameterName, sentValue)));
    }

    /** A synchronous command that must answer 200; returns what is under the response envelope. */
    public JsonNode ok(String command, String... namesAndValues) {
        return ok(command, Params.pairs(namesAndValues));
    }

    /** A synchronous command that must answer 200; returns what is under the response envelope. */
    public JsonNode ok(String command, Params params) {
        Reply reply = call(command, params);
        if (reply.status() != 200) {
            throw new CloudStackCallFailed(command + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.inner();
    }

    /** An asynchronous command: submits it, polls its job to the end and returns the job, succeeded or failed. */
    public JsonNode job(String command, String... namesAndValues) {
        return job(command, Params.pairs(namesAndValues));
    }

    /** An asynchronous command: submits it, polls its job to the end and returns the job, succeeded or failed. */
    public JsonNode job(String command, Params params) {
        JsonNode submitted = ok(command, params);
        if (!submitted.path("jobid").isTextual()) {
            throw new CloudStackCallFailed(command + " returned no job id: " + submitted);
        }
        return await(submitted.get("jobid").asText());
    }

    /**
     * An asynchronous command that must succeed; returns the job (its {@code jobresult}, and Weft's
     * {@code changeid} when the job changed the fleet).
     */
    public JsonNode succeededJob(String command, String... namesAndValues) {
        return succeededJob(command, Params.pairs(namesAndValues));
    }

    /** {@link #succeededJob(String, String...)} with its parameters as {@link Params}. */
    public JsonNode succeededJob(String command, Params params) {
        JsonNode job = job(command, params);
        if (job.get("jobstatus").asInt() != 1) {
            throw new CloudStackCallFailed(command + " job failed: " + job);
        }
        return job;
    }

    /** An asynchronous command that must succeed; returns its {@code jobresult}. */
    public JsonNode jobOk(String command, String... namesAndValues) {
        return succeededJob(command, namesAndValues).get("jobresult");
    }

    /** An asynchronous command that must succeed; returns its {@code jobresult}. */
    public JsonNode jobOk(String command, Params params) {
        return succeededJob(command, params).get("jobresult");
    }

    /** Polls {@code queryAsyncJobResult} until the job leaves "pending" (status 0); returns the job. */
    public JsonNode await(String jobId) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = ok("queryAsyncJobResult", "jobid", jobId);
            if (!job.path("jobid").asText().equals(jobId)
                    || !job.path("jobstatus").isNumber()) {
                throw new CloudStackCallFailed("queryAsyncJobResult for " + jobId + " answered " + job);
            }
            if (job.get("jobstatus").asInt() != 0) {
                return job;
            }
            pause();
        }
        throw new CloudStackCallFailed("job " + jobId + " did not finish within " + JOB_TIMEOUT);
    }

    /** The fleet change a finished job committed, when it committed one. */
    public static OptionalLong changeId(JsonNode job) {
        JsonNode change = job.path("changeid");
        return change.isNumber() ? OptionalLong.of(change.asLong()) : OptionalLong.empty();
    }

    private static Map<String, String> withCommand(String command, Params params) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("command", requireNonNull(command, "command is null"));
        parameters.put("response", "json");
        parameters.putAll(params.asMap());
        return parameters;
    }

    private Reply send(Map<String, String> signedOver, Map<String, String> sent) {
        String command = sent.get("command");
        Map<String, String> signingParameters =
                variant.withSigningParameters(signedOver, keys.apiKey(), Clock.systemUTC());
        Map<String, String> signed = new LinkedHashMap<>(signingParameters);
        signed.putAll(sent);
        signed.put("signature", variant.sign(keys.secretKey(), signingParameters));
        String encoded = signed.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + variant.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = transport == SigningVariant.Transport.GET
                ? HttpRequest.newBuilder(URI.create(api + "?" + encoded))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build()
                : HttpRequest.newBuilder(api)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(encoded))
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(JOB_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a job", e);
        }
    }
}
