package io.weft.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.weft.lab.harness.SimulatedHost;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.rest.RestRoute;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The operator API, checked against its OpenAPI description with a real server and agent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private final OpenApiContract contract = new OpenApiContract();
    private final HttpClient http = HttpClient.newHttpClient();
    private WeftServer server;
    private SimulatedHost agent;
    private String hostId;
    private String admin;
    private String tenant;

    @BeforeAll
    void start() throws Exception {
        server = WeftServer.start(
                WeftConfig.of(ServerSettings.ephemeral(dir.resolve("server")).asMap()));
        Caller root = server.injector().getInstance(TenancyBootstrap.class).run();
        admin = basic(Files.readAllLines(server.adminCredentialsFile()));
        AccountView account = server.injector()
                .getInstance(AccountService.class)
                .create(
                        root,
                        new NewAccount(
                                Optional.empty(),
                                Optional.of("tenant"),
                                Role.USER,
                                new NewUser(
                                        "tenant",
                                        "secret-password",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
        UserKeys keys = server.injector()
                .getInstance(UserService.class)
                .registerKeys(root, account.users().get(0).id());
        tenant = "Basic " + base64(keys.apiKey() + ":" + keys.secretKey());
        ZoneView zone = server.injector()
                .getInstance(ZoneService.class)
                .create(root, io.weft.it.orchestration.ServerToAgentsTest.zoneSpec());
        AddedHost host = server.injector()
                .getInstance(HostService.class)
                .add(
                        root,
                        new HostSpec(
                                zone.id(),
                                Optional.empty(),
                                Optional.empty(),
                                "hv1",
                                "10.250.8.1",
                                HypervisorType.KVM));
        hostId = host.host().id().toString();
        agent = new SimulatedHost(
                        hostId,
                        server.brokerUrl(),
                        host.credential().user(),
                        host.credential().secret(),
                        dir.resolve("agent"))
                .start();
    }

    @AfterAll
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyDescribedOperationIsServedAndNothingElse() {
        Set<RestRoute> routes = server.injector().getInstance(Key.get(new TypeLiteral<Set<RestRoute>>() {}));
        Set<String> served = routes.stream()
                .map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(TreeSet::new));
        // The operator and the compute operations alike: everything described, nothing more.
        assertThat(served).isEqualTo(contract.operations());
    }

    @Test
    void hostsShowDesiredAndAppliedGenerationsOnceTheAgentHasApplied() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get("/hosts", admin);
            contract.assertResponse("GET", "/hosts", response.statusCode(), response.body());
            JsonNode hosts = JSON.readTree(response.body()).get("hosts");
            assertThat(hosts).hasSize(1);
            assertThat(hosts.get(0).get("state").asText()).isEqualTo("IN_SYNC");
        });
        HttpResponse<String> one = get("/hosts/" + hostId, admin);
        contract.assertResponse("GET", "/hosts/{hostId}", one.statusCode(), one.body());
        JsonNode host = JSON.readTree(one.body());
        assertThat(host.get("appliedGeneration").asText())
                .isEqualTo(host.get("desiredGeneration").asText());
    }

    @Test
    void theHostAdditionIsAChangeThatBecomesLiveAndCanBeWaitedFor() throws Exception {
        long hostChange = server.injector()
                .getInstance(org.hibernate.SessionFactory.class)
                .fromTransaction(s -> s.createQuery("select max(id) from ChangeRecord where kind = 'host'", Long.class)
                        .getSingleResult());
        HttpResponse<String> response = get("/changes/" + hostChange + "?waitSeconds=60", admin);
        contract.assertResponse("GET", "/changes/{changeId}", response.statusCode(), response.body());
        JsonNode change = JSON.readTree(response.body());
        assertThat(change.get("live").asBoolean()).isTrue();
        assertThat(change.get("affectedHosts").asInt()).isEqualTo(1);
        assertThat(change.get("appliedHosts").asInt()).isEqualTo(1);
    }

    @Test
    void aGroupNoHostHoldsIsLiveNowhere() throws Exception {
        HttpResponse<String> response = get("/security-groups/" + UUID.randomUUID() + "/convergence", admin);
        contract.assertResponse(
                "GET", "/security-groups/{groupId}/convergence", response.statusCode(), response.body());
        assertThat(JSON.readTree(response.body()).get("hostsHolding").asInt()).isZero();
    }

    @Test
    void errorsFollowTheDescription() throws Exception {
        HttpResponse<String> unknown = get("/hosts/" + UUID.randomUUID(), admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        contract.assertResponse("GET", "/hosts/{hostId}", 404, unknown.body());

        HttpResponse<String> anonymous = get("/hosts", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        contract.assertResponse("GET", "/hosts", 401, anonymous.body());

        HttpResponse<String> wrongSecret = get("/hosts", admin.substring(0, admin.length() - 4) + base64("xx"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);

        HttpResponse<String> notOperator = get("/hosts", tenant);
        assertThat(notOperator.statusCode()).isEqualTo(403);
        contract.assertResponse("GET", "/hosts", 403, notOperator.body());

        HttpResponse<String> malformed = get("/changes/not-a-number", admin);
        assertThat(malformed.statusCode()).isEqualTo(400);
        contract.assertResponse("GET", "/changes/{changeId}", 400, malformed.body());
    }

    @Test
    void rotatingTheAgentCredentialAnswersTheNewOneAndTheAgentCarriesOnWithIt() throws Exception {
        String template = "/hosts/{hostId}/agent-credential";
        HttpResponse<String> notOperator = post("/hosts/" + hostId + "/agent-credential", tenant);
        assertThat(notOperator.statusCode()).isEqualTo(403);
        contract.assertResponse("POST", template, 403, notOperator.body());
        HttpResponse<String> unknown = post("/hosts/" + UUID.randomUUID() + "/agent-credential", admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        contract.assertResponse("POST", template, 404, unknown.body());
        HttpResponse<String> malformed = post("/hosts/not-a-uuid/agent-credential", admin);
        assertThat(malformed.statusCode()).isEqualTo(400);
        contract.assertResponse("POST", template, 400, malformed.body());

        HttpResponse<String> rotated = post("/hosts/" + hostId + "/agent-credential", admin);
        assertThat(rotated.statusCode()).isEqualTo(200);
        contract.assertResponse("POST", template, 200, rotated.body());
        JsonNode credential = JSON.readTree(rotated.body());
        assertThat(credential.get("hostId").asText()).isEqualTo(hostId);

        // The old agent's session is gone; the same host's agent started with the new secret converges.
        agent.close();
        agent = new SimulatedHost(
                        hostId,
                        server.brokerUrl(),
                        credential.get("agentUser").asText(),
                        credential.get("agentSecret").asText(),
                        dir.resolve("agent-rotated"))
                .start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode host = JSON.readTree(get("/hosts/" + hostId, admin).body());
            assertThat(host.get("state").asText()).isEqualTo("IN_SYNC");
            assertThat(host.get("lastHeartbeat").isNull()).isFalse();
        });
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(90));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(java.util.List<String> credentialLines) {
        String apiKey = credentialLines.get(0).substring("apiKey=".length());
        String secretKey = credentialLines.get(1).substring("secretKey=".length());
        return "Basic " + base64(apiKey + ":" + secretKey);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
