package io.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackCommands;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.CloudStackSignature;
import io.weft.server.api.cloudstack.InMemoryApiKeyDirectory;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.CatalogueCheck;
import io.weft.server.broker.MessageBroker;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server in this JVM: real H2, real embedded broker, real Jetty. */
class WeftServerTest {
    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void healthReportsDatabaseAndBrokerUp() throws Exception {
        try (WeftServer server = WeftServer.start(config())) {
            HttpResponse<String> health = get(server.healthUri());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .isEqualTo("{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\",\"database\":\"UP\"}}");
            assertThat(server.banner())
                    .contains(server.cloudStackUri().toString())
                    .contains(server.healthUri().toString())
                    .contains(server.metricsUri().toString())
                    .contains(server.brokerUrl())
                    .contains(dataDir.resolve("admin.credentials").toString());
            assertThat(get(server.metricsUri()).body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void healthIs503WhenTheBrokerIsDown() throws Exception {
        try (WeftServer server = WeftServer.start(config())) {
            server.injector().getInstance(MessageBroker.class).stop();

            assertThat(get(server.healthUri()).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void adminKeysFromTheCredentialsFileSignRequestsAndSurviveARestart() throws Exception {
        Properties first;
        try (WeftServer server = WeftServer.start(config())) {
            first = credentials(server);
            HttpResponse<String> capabilities = get(signedAs(first, server.cloudStackUri(), "listCapabilities"));
            assertThat(capabilities.statusCode()).isEqualTo(200);
            HttpResponse<String> unknown = get(signedAs(first, server.cloudStackUri(), "frobnicate"));
            assertThat(unknown.statusCode()).isEqualTo(432);
            assertThat(unknown.body()).startsWith("{\"errorresponse\":");
        }
        try (WeftServer server = WeftServer.start(config())) {
            assertThat(credentials(server)).isEqualTo(first);
            assertThat(get(signedAs(first, server.cloudStackUri(), "listCapabilities"))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static Properties credentials(WeftServer server) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(server.adminCredentialsFile())) {
            properties.load(reader);
        }
        return properties;
    }

    private static URI signedAs(Properties credentials, URI api, String command) {
        return signed(
                api,
                credentials.getProperty("apiKey"),
                credentials.getProperty("secretKey"),
                "command",
                command,
                "response",
                "json");
    }

    @Test
    void inFlightRequestCompletesDuringShutdown() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CloudStackCommand slow = new CloudStackCommand() {
            @Override
            public String name() {
                return "slowCommand";
            }

            @Override
            public boolean async() {
                return false;
            }

            @Override
            public CloudStackResult execute(Caller caller, Params params) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CloudStackResult.success();
            }
        };
        WeftServer server = WeftServer.builder(config())
                .addModule(new AbstractModule() {
                    @Override
                    protected void configure() {
                        CloudStackCommands.bind(binder()).addBinding().toInstance(slow);
                        CatalogueCheck.allowUncatalogued(binder()).addBinding().toInstance("slowCommand");
                    }
                })
                .overrideWith(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ApiKeyDirectory.class)
                                .toInstance(new InMemoryApiKeyDirectory().addRootAdmin("KEY", "SECRET"));
                    }
                })
                .start();
        URI slowCall = signed(server.cloudStackUri(), "KEY", "SECRET", "command", "slowCommand", "response", "json");
        URI health = server.healthUri();

        CompletableFuture<HttpResponse<String>> inFlight =
                client.sendAsync(HttpRequest.newBuilder(slowCall).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(health);
        release.countDown();

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"slowcommandresponse\":{\"success\":true}}");
        closing.get(30, TimeUnit.SECONDS);
        assertThat(server.injector().getInstance(MessageBroker.class).healthy()).isFalse();
    }

    /** New connections are refused once the server has begun to stop, while the old one is served. */
    private void awaitRefused(URI uri) throws Exception {
        HttpClient fresh = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                fresh.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                Thread.sleep(50);
            } catch (IOException refused) {
                return;
            }
        }
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private WeftConfig config() {
        return WeftConfig.of(Map.of(
                "dataDir",
                dataDir.toString(),
                "http.port",
                "0",
                "broker.port",
                "0",
                "ec2.port",
                "0",
                "shutdown.gracePeriod",
                "20s"));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI signed(URI api, String apiKey, String secretKey, String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        params.put("apiKey", apiKey);
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
