package io.weft.it.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.weft.it.orchestration.ServerToAgentsTest;
import io.weft.it.rest.OpenApiContract;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.port.NicPluggedSink;
import io.weft.server.api.port.NicPluggedWebhook;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NewNetwork;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneView;
import io.weft.testsupport.ServerSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute side's hand-off over real HTTP: ports created and bound through {@code /api/v1/ports}
 * of an in-JVM server, a real agent (in-memory dataplane) that wires them once the VM's tap exists,
 * and a real HTTP receiver (WireMock) for the signed {@code nic-plugged} webhook. Every response is
 * checked against the OpenAPI description.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputeHandOffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cret";
    private static final String EVENTS = "/weft-events";

    @TempDir
    static Path dir;

    private final OpenApiContract contract = new OpenApiContract();
    private final HttpClient http = HttpClient.newHttpClient();
    private final WireMockServer computeSide = new WireMockServer(options().dynamicPort());
    private WeftServer server;
    private ComputeHost hv1;
    private String hv1Id;
    private String hv2Id;
    private String networkId;
    private String hv2NetworkId;
    private String groupId;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        computeSide.start();
        // The compute side is up unless a test's scenario (at a higher priority) says otherwise.
        computeSide.stubFor(
                post(urlEqualTo(EVENTS)).atPriority(10).willReturn(aResponse().withStatus(200)));
        server = WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dir.resolve("server"))
                .with("compute.webhookUrl", computeSide.baseUrl() + EVENTS)
                .with("compute.webhookSecret", SECRET)
                .with("compute.webhookMaxBackoff", "2s")
                .with("dispatch.ackTimeout", "2s")
                .asMap()));
        Caller root = server.injector().getInstance(TenancyBootstrap.class).run();
        admin = basic(Files.readAllLines(server.adminCredentialsFile()));
        ZoneView zone = server.injector().getInstance(ZoneService.class).create(root, ServerToAgentsTest.zoneSpec());
        HostService hosts = server.injector().getInstance(HostService.class);
        AddedHost first = hosts.add(root, hostSpec(zone, "hv1", "10.250.11.1"));
        hv1Id = first.host().id().toString();
        // hv2 has no agent running: a change that reaches it is never applied there.
        hv2Id = hosts.add(root, hostSpec(zone, "hv2", "10.250.11.2"))
                .host()
                .id()
                .toString();
        hv1 = new ComputeHost(
                hv1Id,
                server.brokerUrl(),
                first.credential().user(),
                first.credential().secret(),
                dir.resolve("agent-hv1"));
        networkId = server.injector()
                .getInstance(NetworkService.class)
                .create(root, NewNetwork.of(zone.id(), "compute-net", "10.60.0.0/24"))
                .value()
                .id()
                .toString();
        // Its own network, so that hv2 never holds what hv1's ports need and hv1's waits can finish.
        hv2NetworkId = server.injector()
                .getInstance(NetworkService.class)
                .create(root, NewNetwork.of(zone.id(), "hv2-net", "10.61.0.0/24"))
                .value()
                .id()
                .toString();
        groupId = server.injector()
                .getInstance(SecurityGroupService.class)
                .create(root, NewSecurityGroup.cloudStack("web"))
                .value()
                .id()
                .toString();
    }

    @AfterAll
    void stop() {
        if (hv1 != null) {
            hv1.close();
        }
        if (server != null) {
            server.close();
        }
        computeSide.stop();
    }

    @Test
    void aPortIsCreatedBoundAndOnceItsTapExistsTheComputeSideGetsASignedNicPlugged() throws Exception {
        JsonNode port = call(
                "POST",
                "/ports",
                "/ports",
                201,
                "{\"networkId\":\"" + networkId + "\",\"securityGroupIds\":[\"" + groupId
                        + "\"],\"ipAddress\":\"10.60.0.10\",\"portSecurityEnabled\":true,\"description\":\"vm-1 eth0\"}");
        String portId = port.get("id").asText();
        assertThat(port.get("ipAddress").asText()).isEqualTo("10.60.0.10");
        assertThat(port.get("macAddress").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(port.get("tapDevice").asText()).isNotEmpty();
        assertThat(port.get("hostId").isNull()).isTrue();
        assertThat(port.get("securityGroupIds")).extracting(JsonNode::asText).containsExactly(groupId);
        assertThat(port.get("wired").asBoolean()).isFalse();

        JsonNode bound = call(
                "PUT",
                "/ports/" + portId + "/binding?waitSeconds=60",
                "/ports/{portId}/binding",
                200,
                "{\"hostId\":\"" + hv1Id + "\"}");
        assertThat(bound.at("/port/hostId").asText()).isEqualTo(hv1Id);
        assertThat(bound.at("/change/live").asBoolean()).isTrue();
        assertThat(bound.at("/change/waitingFor")).isEmpty();
        assertThat(bound.at("/change/affectedHosts").asInt()).isEqualTo(1);
        // Programmed, but the VM's tap does not exist yet: not wired.
        assertThat(call("GET", "/ports/" + portId, "/ports/{portId}", 200, null)
                        .get("wired")
                        .asBoolean())
                .isFalse();

        hv1.startVm(port.get("tapDevice").asText());

        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/ports/" + portId, "/ports/{portId}", 200, null)
                .get("wired")
                .asBoolean());
        List<LoggedRequest> events =
                await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(portId), list -> !list.isEmpty());
        assertSignedNicPlugged(events.get(0), portId, hv1Id);

        JsonNode regrouped = call(
                "PUT",
                "/ports/" + portId + "/security-groups?waitSeconds=60",
                "/ports/{portId}/security-groups",
                200,
                "{\"securityGroupIds\":[]}");
        assertThat(regrouped.at("/port/securityGroupIds")).isEmpty();
        assertThat(regrouped.at("/change/live").asBoolean()).isTrue();

        JsonNode unbound =
                call("DELETE", "/ports/" + portId + "/binding?waitSeconds=60", "/ports/{portId}/binding", 200, null);
        assertThat(unbound.at("/port/hostId").isNull()).isTrue();
        assertThat(unbound.at("/port/wired").asBoolean()).isFalse();

        call("DELETE", "/ports/" + portId, "/ports/{portId}", 204, null);
        call("GET", "/ports/" + portId, "/ports/{portId}", 404, null);
        assertThat(eventsFor(portId)).hasSize(1);
    }

    @Test
    void theWebhookIsRetriedWhileTheComputeSideIsDownAndDeliveredOnceItIsUp() throws Exception {
        JsonNode port =
                call("POST", "/ports", "/ports", 201, "{\"networkId\":\"" + networkId + "\",\"securityGroupIds\":[]}");
        String portId = port.get("id").asText();
        String scenario = "compute side for " + portId;
        computeSide.stubFor(post(urlEqualTo(EVENTS))
                .withRequestBody(matchingJsonPath("$.portId", equalTo(portId)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("restarting"));
        computeSide.stubFor(post(urlEqualTo(EVENTS))
                .withRequestBody(matchingJsonPath("$.portId", equalTo(portId)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("restarting")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        computeSide.stubFor(post(urlEqualTo(EVENTS))
                .withRequestBody(matchingJsonPath("$.portId", equalTo(portId)))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));

        // Without waitSeconds the binding answers at once, whether or not the host has applied it.
        JsonNode bound = call(
                "PUT",
                "/ports/" + portId + "/binding",
                "/ports/{portId}/binding",
                200,
                "{\"hostId\":\"" + hv1Id + "\"}");
        assertThat(bound.at("/port/hostId").asText()).isEqualTo(hv1Id);
        hv1.startVm(port.get("tapDevice").asText());

        NicPluggedWebhook webhook = (NicPluggedWebhook) server.injector().getInstance(NicPluggedSink.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(portId).size() >= 3 && webhook.pending() == 0);
        List<LoggedRequest> attempts = eventsFor(portId);
        assertThat(attempts).hasSize(3);
        // Every attempt carries the very same event and signature: the receiver may dedupe.
        assertThat(attempts)
                .extracting(LoggedRequest::getBodyAsString)
                .containsOnly(attempts.get(0).getBodyAsString());
        for (LoggedRequest attempt : attempts) {
            assertSignedNicPlugged(attempt, portId, hv1Id);
        }
        assertThat(call("GET", "/ports/" + portId, "/ports/{portId}", 200, null)
                        .get("wired")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aWaitThatRunsOutNamesTheHostsThatHaveNotApplied() throws Exception {
        JsonNode port = call(
                "POST", "/ports", "/ports", 201, "{\"networkId\":\"" + hv2NetworkId + "\",\"securityGroupIds\":[]}");
        String portId = port.get("id").asText();

        JsonNode bound = call(
                "PUT",
                "/ports/" + portId + "/binding?waitSeconds=2",
                "/ports/{portId}/binding",
                200,
                "{\"hostId\":\"" + hv2Id + "\"}");

        assertThat(bound.at("/change/live").asBoolean()).isFalse();
        assertThat(bound.at("/change/waitingFor")).extracting(JsonNode::asText).contains(hv2Id);
        assertThat(bound.at("/port/wired").asBoolean()).isFalse();
    }

    @Test
    void errorsFollowTheDescription() throws Exception {
        call("POST", "/ports", "/ports", 404, "{\"networkId\":\"" + UUID.randomUUID() + "\"}");
        call("POST", "/ports", "/ports", 400, "{\"networkId\":\"not-a-uuid\"}");
        call("POST", "/ports", "/ports", 400, "{\"networkId\":\"" + networkId + "\",\"vmId\":\"x\"}");
        call("POST", "/ports", "/ports", 201, "{\"networkId\":\"" + networkId + "\",\"ipAddress\":\"10.60.0.77\"}");
        call("POST", "/ports", "/ports", 409, "{\"networkId\":\"" + networkId + "\",\"ipAddress\":\"10.60.0.77\"}");
        call("GET", "/ports/" + UUID.randomUUID(), "/ports/{portId}", 404, null);
        call("DELETE", "/ports/" + UUID.randomUUID(), "/ports/{portId}", 404, null);
        call(
                "PUT",
                "/ports/" + UUID.randomUUID() + "/binding",
                "/ports/{portId}/binding",
                404,
                "{\"hostId\":\"" + hv1Id + "\"}");
    }

    /** The event's body fits the description's schema and carries a signature we recompute here. */
    private void assertSignedNicPlugged(LoggedRequest event, String portId, String hostId) throws Exception {
        assertThat(event.getHeader("X-Weft-Signature")).isEqualTo("sha256=" + hmac(event.getBody()));
        assertThat(contract.validate(
                        JSON.readTree("{\"$ref\":\"#/components/schemas/NicPluggedEvent\"}"), event.getBodyAsString()))
                .isEmpty();
        JsonNode body = JSON.readTree(event.getBody());
        assertThat(body.get("event").asText()).isEqualTo("nic-plugged");
        assertThat(body.get("portId").asText()).isEqualTo(portId);
        assertThat(body.get("hostId").asText()).isEqualTo(hostId);
        assertThat(body.get("occurredAt").asText()).isNotEmpty();
    }

    private List<LoggedRequest> eventsFor(String portId) {
        return computeSide.findAll(
                postRequestedFor(urlEqualTo(EVENTS)).withRequestBody(matchingJsonPath("$.portId", equalTo(portId))));
    }

    /** One call over HTTP, its status asserted and its response checked against the description. */
    private JsonNode call(String method, String path, String template, int status, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(status);
        contract.assertResponse(method, template, response.statusCode(), response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static HostSpec hostSpec(ZoneView zone, String name, String address) {
        return new HostSpec(zone.id(), Optional.empty(), Optional.empty(), name, address, HypervisorType.KVM);
    }

    private static String basic(List<String> credentialLines) {
        String apiKey = credentialLines.get(0).substring("apiKey=".length());
        String secretKey = credentialLines.get(1).substring("secretKey=".length());
        return "Basic "
                + Base64.getEncoder().encodeToString((apiKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    }
}
