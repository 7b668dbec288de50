package io.weft.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.api.cloudstack.CloudStackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as its users run it: a separate JVM, signals, and a data directory that must survive. */
class ServerProcessTest {
    /**
     * Patient on purpose: the 10 s start-up target is measured (docs/performance.md, "Server
     * start-up"), not asserted, since a shared CI machine's load decides wall time here.
     */
    private static final Duration PATIENT_START = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void startsHealthyAndPrintsWhereEverythingIs() throws Exception {
        long launched = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(PATIENT_START);
            System.out.printf("server healthy %d ms after launch%n", (System.nanoTime() - launched) / 1_000_000);
            server.awaitOutput("Admin credentials:", Duration.ofSeconds(10));

            assertThat(server.output())
                    .contains("CloudStack API:    " + server.uri("/client/api"))
                    .contains(server.uri("/health").toString())
                    .contains(server.uri("/metrics").toString())
                    .contains("Admin credentials: " + dataDir.resolve("admin.credentials"));
            assertThat(dataDir.resolve("admin.credentials")).exists();
        }
    }

    @Test
    void adminKeysSignRequestsAndBadSignaturesAreRejected() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(PATIENT_START);
            Properties admin = ServerProcess.adminCredentials(dataDir);
            URI api = server.uri("/client/api");

            HttpResponse<String> unknown = get(signed(api, admin, admin.getProperty("secretKey"), "frobnicate"));
            assertThat(unknown.statusCode()).isEqualTo(432);
            assertThat(unknown.body()).startsWith("{\"errorresponse\":{").contains("\"errorcode\":432");

            HttpResponse<String> unsigned = get(
                    URI.create(api + "?command=listCapabilities&response=json&apiKey=" + admin.getProperty("apiKey")));
            assertThat(unsigned.statusCode()).isEqualTo(401);

            HttpResponse<String> wrong = get(signed(api, admin, "not-the-secret", "listCapabilities"));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void dataSurvivesKillDashNine() throws Exception {
        Properties before;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(PATIENT_START);
            before = ServerProcess.adminCredentials(dataDir);
            assertThat(get(signed(
                                    server.uri("/client/api"),
                                    before,
                                    before.getProperty("secretKey"),
                                    "listCapabilities"))
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> zone = get(signed(
                    server.uri("/client/api"),
                    before,
                    before.getProperty("secretKey"),
                    "createZone",
                    Map.of(
                            "name",
                            "survivor",
                            "networktype",
                            "Advanced",
                            "dns1",
                            "10.0.0.53",
                            "internaldns1",
                            "10.0.0.53")));
            assertThat(zone.statusCode()).as(zone.body()).isEqualTo(200);
            server.kill();
        }
        String credentialsAfterKill = Files.readString(dataDir.resolve("admin.credentials"));

        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(PATIENT_START);
            Properties after = ServerProcess.adminCredentials(dataDir);

            assertThat(after).isEqualTo(before);
            assertThat(Files.readString(dataDir.resolve("admin.credentials"))).isEqualTo(credentialsAfterKill);
            assertThat(get(signed(server.uri("/client/api"), after, after.getProperty("secretKey"), "listCapabilities"))
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> zones = get(signed(
                    server.uri("/client/api"),
                    after,
                    after.getProperty("secretKey"),
                    "listZones",
                    Map.of("name", "survivor")));
            assertThat(zones.statusCode()).isEqualTo(200);
            assertThat(zones.body()).contains("\"count\":1").contains("\"name\":\"survivor\"");
        }
    }

    @Test
    void sigtermStopsGracefully() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(PATIENT_START);

            int exit = server.terminate();

            // The JVM reports a SIGTERM-initiated exit as 143 even when every hook ran cleanly.
            assertThat(exit).isIn(0, 143);
            assertThat(server.output())
                    .contains("stopped http")
                    .contains("stopped broker")
                    .contains("stopped database")
                    .doesNotContain("Exception");
            assertThat(server.output().indexOf("stopped http"))
                    .isLessThan(server.output().indexOf("stopped broker"));
            assertThat(server.output().indexOf("stopped broker"))
                    .isLessThan(server.output().indexOf("stopped database"));
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI signed(URI api, Properties admin, String secretKey, String command) {
        return signed(api, admin, secretKey, command, Map.of());
    }

    private static URI signed(URI api, Properties admin, String secretKey, String command, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        params.putAll(extra);
        params.put("response", "json");
        params.put("apiKey", admin.getProperty("apiKey"));
        params.put(
                "signature",
                CloudStackSignature.sign(
                        secretKey,
                        CloudStackSignature.stringToSign(params, CloudStackSignature.Canonicalisation.CLOUDSTACK)));
        return URI.create(api + "?"
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }
}
