package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.cloudstack.CloudStackSignature;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** A minimal signed CloudStack client over java.net.http, for tests through the real HTTP edge. */
final class CloudStackClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Reply(int status, JsonNode body) {
        /** The content under the single envelope key. */
        JsonNode inner() {
            return body.elements().next();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;
    private final String apiKey;
    private final String secretKey;

    CloudStackClient(URI api, String apiKey, String secretKey) {
        this.api = api;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    /** The bootstrapped root admin of {@code server}, from its credentials file. */
    /** A server of its own for one test class: every port ephemeral, data under {@code dataDir}. */
    static WeftServer startServer(Path dataDir) {
        return WeftServer.builder(WeftConfig.of(Map.of(
                        "dataDir",
                        dataDir.toString(),
                        "http.port",
                        "0",
                        "broker.port",
                        "0",
                        "ec2.port",
                        "0",
                        "shutdown.gracePeriod",
                        "1s")))
                .start();
    }

    /** The root admin, with the keys the server wrote at its first start. */
    static CloudStackClient admin(WeftServer server) {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(server.adminCredentialsFile())) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CloudStackClient(
                server.cloudStackUri(), credentials.getProperty("apiKey"), credentials.getProperty("secretKey"));
    }

    CloudStackClient as(String otherKey, String otherSecret) {
        return new CloudStackClient(api, otherKey, otherSecret);
    }

    Reply call(String command, String... namesAndValues) {
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
        String query = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(api + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(command + " failed", e);
        }
    }

    /** Calls a sync command that must succeed and returns what is under the envelope. */
    JsonNode ok(String command, String... namesAndValues) {
        Reply reply = call(command, namesAndValues);
        assertThat(reply.status()).as(command + " " + reply.body()).isEqualTo(200);
        return reply.inner();
    }

    /** Calls an async command, polls its job to the end and returns the job. */
    JsonNode job(String command, String... namesAndValues) {
        JsonNode submitted = ok(command, namesAndValues);
        assertThat(submitted.get("jobid").isTextual()).isTrue();
        return await(submitted.get("jobid").asText());
    }

    JsonNode await(String jobId) {
        for (int i = 0; i < 600; i++) {
            JsonNode job = ok("queryAsyncJobResult", "jobid", jobId);
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

    /** A job that must succeed; returns its jobresult. */
    JsonNode jobOk(String command, String... namesAndValues) {
        JsonNode job = job(command, namesAndValues);
        assertThat(job.get("jobstatus").asInt()).as(command + " " + job).isEqualTo(1);
        return job.get("jobresult");
    }
}
