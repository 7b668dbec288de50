package io.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackCommands;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.InMemoryApiKeyDirectory;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.CatalogueCheck;
import io.weft.server.broker.MessageBroker;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void adminKeysFromTheCredentialsFileSignRequestsAndSurviveARestart() {
        ApiKeys first;
        try (WeftServer server = WeftServer.start(config())) {
            first = ApiKeys.fromCredentialsFile(server.adminCredentialsFile());
            CloudStackClient admin = CloudStackClient.of(server.cloudStackUri(), first);
            assertThat(admin.call("listCapabilities").status()).isEqualTo(200);
            Reply unknown = admin.call("frobnicate");
            assertThat(unknown.status()).isEqualTo(432);
            assertThat(unknown.text()).startsWith("{\"errorresponse\":");
        }
        try (WeftServer server = WeftServer.start(config())) {
            assertThat(ApiKeys.fromCredentialsFile(server.adminCredentialsFile()))
                    .isEqualTo(first);
            assertThat(CloudStackClient.of(server.cloudStackUri(), first)
                            .call("listCapabilities")
                            .status())
                    .isEqualTo(200);
        }
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
        CloudStackClient caller = CloudStackClient.of(server.cloudStackUri(), new ApiKeys("KEY", "SECRET"));
        URI health = server.healthUri();

        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> caller.call("slowCommand"));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(health);
        release.countDown();

        Reply response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"slowcommandresponse\":{\"success\":true}}");
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
        // Long enough for the slow request to finish while the server stops.
        return WeftConfig.of(ServerSettings.ephemeral(dataDir)
                .with("shutdown.gracePeriod", "20s")
                .asMap());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
