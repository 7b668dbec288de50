package io.weft.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import io.weft.server.ConfigModule;
import io.weft.server.WeftConfig;
import io.weft.server.metrics.MetricsModule;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthHandlerTest {
    @TempDir
    Path dataDir;

    @Test
    void healthIs200WhenAllChecksPassAnd503WhenOneFails() throws Exception {
        AtomicBoolean brokerUp = new AtomicBoolean(true);
        WeftHttpServer server = Guice.createInjector(
                        new ConfigModule(WeftConfig.of(Map.of("dataDir", dataDir.toString(), "http.port", "0"))),
                        new MetricsModule(),
                        new HttpModule(),
                        new AbstractModule() {
                            @Override
                            protected void configure() {
                                HealthChecks.bind(binder()).addBinding().toInstance(check("broker", brokerUp::get));
                                HealthChecks.bind(binder()).addBinding().toInstance(check("database", () -> true));
                            }
                        })
                .getInstance(WeftHttpServer.class);
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health =
                    HttpRequest.newBuilder(server.baseUri().resolve("/health")).build();

            HttpResponse<String> up = client.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\",\"database\":\"UP\"}}");

            brokerUp.set(false);
            HttpResponse<String> down = client.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body())
                    .isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"broker\":\"DOWN\",\"database\":\"UP\"}}");
        } finally {
            server.stop();
        }
    }

    private static HealthCheck check(String name, java.util.function.BooleanSupplier healthy) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return healthy.getAsBoolean();
            }
        };
    }
}
