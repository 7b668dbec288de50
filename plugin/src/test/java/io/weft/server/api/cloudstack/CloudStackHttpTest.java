package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.weft.server.ConfigModule;
import io.weft.server.WeftConfig;
import io.weft.server.http.HttpModule;
import io.weft.server.http.WeftHttpServer;
import io.weft.server.metrics.MetricsModule;
import io.weft.server.tenancy.ApiKeyDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudStack edge over real HTTP: Jetty on a free port, java.net.http as the client. */
class CloudStackHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private WeftHttpServer server;
    private URI api;

    @BeforeEach
    void start() throws Exception {
        WeftConfig config = WeftConfig.of(Map.of("dataDir", dataDir.toString(), "http.port", "0"));
        InMemoryApiKeyDirectory directory =
                new InMemoryApiKeyDirectory().addRootAdmin("KEY", "SECRET").addRootAdmin("APIKEY", "SECRETKEY");
        Injector injector = Guice.createInjector(
                new ConfigModule(config),
                new MetricsModule(),
                new HttpModule(),
                new CloudStackApiModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ApiKeyDirectory.class).toInstance(directory);
                        bind(Clock.class).toInstance(Clock.systemUTC());
                    }
                });
        server = injector.getInstance(WeftHttpServer.class);
        server.start();
        api = server.baseUri().resolve("/client/api");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void signedGetIsAnsweredInJson() throws Exception {
        HttpResponse<String> response = get(SignedRequests.queryString(
                SignedRequests.sign("KEY", "SECRET", "command", "listCapabilities", "response", "json")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=UTF-8");
        assertThat(JSON.readTree(response.body())
                        .at("/listcapabilitiesresponse/capability/securitygroupsenabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void jcloudsTestVectorRequestIsAuthenticated() throws Exception {
        HttpResponse<String> response = get("response=json&command=listZones&listAll=true&apiKey=APIKEY"
                + "&signature=MxFSqvjd2YYWtnDItD4gCjXRBf0%3D");

        // listZones is not registered: 432 proves the signature passed (a failure would be 401).
        assertThat(response.statusCode()).isEqualTo(432);
    }

    @Test
    void signedPostFormIsAnswered() throws Exception {
        String form = SignedRequests.queryString(
                SignedRequests.sign("KEY", "SECRET", "command", "listCapabilities", "response", "json"));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(api)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void queryAndFormParametersAreMerged() throws Exception {
        Map<String, String> signed =
                SignedRequests.sign("KEY", "SECRET", "command", "listCapabilities", "response", "json");
        String signature = signed.remove("signature");

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(api + "?" + SignedRequests.queryString(signed)))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                SignedRequests.queryString(Map.of("signature", signature))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutResponseJsonTheReplyIsXml() throws Exception {
        HttpResponse<String> response =
                get(SignedRequests.queryString(SignedRequests.sign("KEY", "SECRET", "command", "listCapabilities")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml; charset=UTF-8");
        assertThat(response.body()).contains("<listcapabilitiesresponse cloud-stack-version=");
    }

    @Test
    void unknownCommandIs432WithErrorResponseAndDescription() throws Exception {
        HttpResponse<String> response = get(SignedRequests.queryString(
                SignedRequests.sign("KEY", "SECRET", "command", "frobnicate", "response", "json")));

        assertThat(response.statusCode()).isEqualTo(432);
        assertThat(response.headers().firstValue("X-Description")).contains("Unknown API command: frobnicate");
        JsonNode body = JSON.readTree(response.body()).get("errorresponse");
        assertThat(body.get("errorcode").asInt()).isEqualTo(432);
        assertThat(body.get("cserrorcode").asInt()).isEqualTo(9999);
        assertThat(body.get("uuidList").isArray()).isTrue();
    }

    @Test
    void unsignedRequestIs401() throws Exception {
        HttpResponse<String> response = get("command=listCapabilities&response=json&apiKey=KEY");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body())
                        .at("/listcapabilitiesresponse/errortext")
                        .asText())
                .isEqualTo(CloudStackAuthenticator.FAILURE_TEXT);
    }

    @Test
    void wrongSignatureIs401() throws Exception {
        HttpResponse<String> response = get(SignedRequests.queryString(
                SignedRequests.sign("KEY", "WRONG", "command", "listCapabilities", "response", "json")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedEncodingIsAParameterError() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(api + "?response=json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("command=listCapabilities&apiKey=%zz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
    }

    @Test
    void metricsCountCallsByCommandAndStatus() throws Exception {
        get(SignedRequests.queryString(
                SignedRequests.sign("KEY", "SECRET", "command", "listCapabilities", "response", "json")));
        get("command=listCapabilities&response=json");

        HttpResponse<String> metrics = client.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("weft_cloudstack_requests_seconds_count{command=\"listCapabilities\",status=\"200\"} 1")
                .contains("weft_cloudstack_requests_seconds_count{command=\"unknown\",status=\"401\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"cloudstack\",status=\"200\"} 1")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String query) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(api + "?" + query)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
