package io.weft.server.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.port.WiredPorts;
import io.weft.server.broker.BrokerCredentials;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.HostConvergence;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust boundary between agents and the server, over the whole server (real embedded broker,
 * H2, dispatcher, CloudStack API): an agent's credential speaks for its own host only, and a
 * deleted host's credential is cut off the broker at once.
 */
class AgentIdentityTest {
    private static final String VALIDATED_USER =
            org.apache.activemq.artemis.api.core.Message.HDR_VALIDATED_USER.toString();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static String zone;
    private static String cluster;

    /** A host as addHost answers it: its id and its agent's broker credential. */
    private record AddedHost(String id, String user, String password) {}

    @BeforeAll
    static void start() {
        // No resend of an unacknowledged update while the test runs: every FULL counted is one asked for.
        server = WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir)
                .with("dispatch.ackTimeout", "30m")
                .with("dispatch.maxRetryBackoff", "30m")
                .asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        zone = CloudStackTopology.advancedZone(admin, "z1", Params.none());
        cluster = CloudStackTopology.kvmCluster(admin, zone, "c1", Params.none());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneHostsAgentChangesNothingAboutAnotherHostAndStillSpeaksForItsOwn() throws Exception {
        AddedHost a = addHost("192.168.50.1");
        AddedHost b = addHost("192.168.50.2");
        String network = tenantNetwork();
        String nicOnA = tenantVmOn(network, a.id(), "vm-a");
        String nicOnB = tenantVmOn(network, b.id(), "vm-b");
        ConvergenceQueries convergence = server.injector().getInstance(ConvergenceQueries.class);
        WiredPorts wired = server.injector().getInstance(WiredPorts.class);
        assertThat(desired(convergence, b.id()).number()).isPositive();
        HostConvergence bBefore = convergence.host(b.id()).orElseThrow();
        HostConvergence aBefore = convergence.host(a.id()).orElseThrow();
        String invented = UUID.randomUUID().toString();
        double otherHostBefore = refused("other_host");
        double notAnAgentBefore = refused("not_an_agent");
        double malformedBefore = refused("malformed");
        double fullsBefore = counter("weft_dispatch_full_resends");

        try (Connection connection = factory(a.user(), a.password()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer inbox = session.createProducer(session.createQueue(HostQueues.MANAGER));
            for (String victim : List.of(b.id(), invented)) {
                // What would make the victim look alive and converged, ask it a FULL, and wire a port on it.
                for (HostMessage forged : forgeries(victim, bBefore, nicOnB)) {
                    inbox.send(text(session, forged));
                }
            }
            // Something that is no host message at all.
            inbox.send(session.createTextMessage("{\"type\":\"heartbeat\",\"hostId\":"));
            // Naming its own host but B's port: the port is not A's to wire.
            inbox.send(text(
                    session,
                    new PortStatus(
                            HostMessage.SCHEMA_VERSION, a.id(), nicOnB, PortStatus.State.WIRED, bBefore.desired())));
            // Claiming B's identity in the header the broker stamps changes nothing either.
            TextMessage claiming = text(session, heartbeat(b.id(), bBefore.desired(), bBefore.desiredHash()));
            claiming.setStringProperty(VALIDATED_USER, b.user());
            inbox.send(claiming);

            // A speaks for itself after all that: once A's messages have acted, the forged ones were handled.
            inbox.send(text(
                    session,
                    new HostAck(
                            HostMessage.SCHEMA_VERSION,
                            a.id(),
                            aBefore.desired(),
                            aBefore.desiredHash(),
                            AckStatus.APPLIED,
                            null)));
            inbox.send(text(session, heartbeat(a.id(), aBefore.desired(), aBefore.desiredHash())));
            inbox.send(text(
                    session,
                    new PortStatus(
                            HostMessage.SCHEMA_VERSION, a.id(), nicOnA, PortStatus.State.WIRED, aBefore.desired())));
            inbox.send(text(
                    session, new ResyncRequest(HostMessage.SCHEMA_VERSION, a.id(), aBefore.desired(), "test asks")));
        }
        await().atMost(PATIENCE).until(() -> wired.isWired(nicOnA, Optional.of(a.id())));
        await().atMost(PATIENCE).until(() -> hostState(a.id()).equals("Up"));
        HostConvergence aAfter = convergence.host(a.id()).orElseThrow();
        // A's ack counted (its resync then made a FULL, a newer generation it has yet to ack).
        assertThat(aAfter.applied()).isEqualTo(aBefore.desired()).isNotEqualTo(Generation.NONE);
        assertThat(aAfter.lastHeartbeat()).isPresent();
        await().atMost(PATIENCE).until(() -> counter("weft_dispatch_full_resends") == fullsBefore + 1);

        // 4 forgeries for B, 4 for the invented host, 1 claiming B's identity: all refused and counted.
        assertThat(refused("other_host") - otherHostBefore).isEqualTo(9);
        assertThat(refused("not_an_agent")).isEqualTo(notAnAgentBefore);
        assertThat(refused("malformed") - malformedBefore).isEqualTo(1);
        assertThat(scrape()).contains("weft_agent_messages_refused_total{reason=\"other_host\"}");
        // B is as it was: never heard from, nothing applied, no FULL it did not ask for, its port not wired.
        HostConvergence bAfter = convergence.host(b.id()).orElseThrow();
        assertThat(bAfter.applied()).isEqualTo(bBefore.applied());
        assertThat(bAfter.lastHeartbeat()).isEmpty();
        assertThat(bAfter.lastError()).isEmpty();
        assertThat(bAfter.desired()).isEqualTo(bBefore.desired());
        assertThat(hostState(b.id())).isEqualTo("Connecting");
        assertThat(wired.isWired(nicOnB, Optional.of(b.id()))).isFalse();
        assertThat(wired.isWired(nicOnB, Optional.of(a.id()))).isFalse();
        assertThat(counter("weft_dispatch_full_resends")).isEqualTo(fullsBefore + 1);
        // The invented host is nowhere: not in the convergence list, not in the host list.
        assertThat(convergence.host(invented)).isEmpty();
        assertThat(convergence.hosts()).extracting(HostConvergence::hostId).doesNotContain(invented);
        assertThat(listedHostIds()).contains(a.id(), b.id()).doesNotContain(invented);
        assertThat(wired.isWired(nicOnB, Optional.of(invented))).isFalse();
    }

    @Test
    void theManagerUserIsNoAgentAndCannotSpeakForAHost() throws Exception {
        AddedHost c = addHost("192.168.50.3");
        double before = refused("not_an_agent");
        BrokerCredentials manager = server.injector().getInstance(BrokerCredentials.class);

        try (Connection connection = factory(manager.user(), manager.password()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(HostQueues.MANAGER))
                    .send(text(session, heartbeat(c.id(), Generation.NONE, "")));
        }

        await().atMost(PATIENCE).until(() -> refused("not_an_agent") == before + 1);
        assertThat(hostState(c.id())).isEqualTo("Connecting");
    }

    @Test
    void deletingAHostClosesItsAgentsSessionAndItsCredentialNoLongerLogsIn() throws Exception {
        AddedHost d = addHost("192.168.50.4");
        ActiveMQConnectionFactory agent = factory(d.user(), d.password());
        CountDownLatch lost = new CountDownLatch(1);
        try (Connection connection = agent.createConnection()) {
            connection.setExceptionListener(e -> lost.countDown());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer inbox = session.createProducer(session.createQueue(HostQueues.MANAGER));
            inbox.send(text(session, heartbeat(d.id(), Generation.NONE, "")));
            await().atMost(PATIENCE).until(() -> hostState(d.id()).equals("Up"));

            admin.ok("deleteHost", "id", d.id());

            assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> inbox.send(text(session, heartbeat(d.id(), Generation.NONE, ""))))
                    .isInstanceOf(JMSException.class);
        }
        assertThatThrownBy(() -> agent.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        assertThat(listedHostIds()).doesNotContain(d.id());
    }

    @Test
    void rotatingAHostsCredentialClosesTheOldSessionRefusesTheOldLoginAndAdmitsTheNew() throws Exception {
        AddedHost e = addHost("192.168.50.5");
        ActiveMQConnectionFactory old = factory(e.user(), e.password());
        CountDownLatch lost = new CountDownLatch(1);
        JsonNode rotated;
        try (Connection connection = old.createConnection()) {
            connection.setExceptionListener(failure -> lost.countDown());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer inbox = session.createProducer(session.createQueue(HostQueues.MANAGER));
            inbox.send(text(session, heartbeat(e.id(), Generation.NONE, "")));
            await().atMost(PATIENCE).until(() -> hostState(e.id()).equals("Up"));

            rotated = rotateAgentCredential(e.id());

            assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> inbox.send(text(session, heartbeat(e.id(), Generation.NONE, ""))))
                    .isInstanceOf(JMSException.class);
        }
        assertThat(rotated.get("agentUser").asText()).isEqualTo(e.user());
        String secret = rotated.get("agentSecret").asText();
        assertThat(secret).isNotEqualTo(e.password());
        assertThatThrownBy(() -> old.createConnection().close()).isInstanceOf(JMSSecurityException.class);

        // The new secret logs in, consumes the host's own queue and speaks for the host.
        try (Connection connection = factory(e.user(), secret).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(HostQueues.hostQueue(e.id())))
                    .receiveNoWait();
            double before = refused("not_an_agent") + refused("other_host");
            Instant sent = Instant.now();
            session.createProducer(session.createQueue(HostQueues.MANAGER))
                    .send(text(session, heartbeat(e.id(), Generation.NONE, "")));
            await().atMost(PATIENCE).until(() -> lastHeartbeat(e.id())
                    .filter(at -> !at.isBefore(sent))
                    .isPresent());
            assertThat(refused("not_an_agent") + refused("other_host")).isEqualTo(before);
        }
    }

    /** {@code POST /api/v1/hosts/{id}/agent-credential} as the root admin; the answer's JSON. */
    private static JsonNode rotateAgentCredential(String hostId) throws Exception {
        ApiKeys keys = ApiKeys.fromCredentialsFile(server.adminCredentialsFile());
        String basic = Base64.getEncoder()
                .encodeToString((keys.apiKey() + ":" + keys.secretKey()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        server.baseUri().resolve("/api/v1/hosts/" + hostId + "/agent-credential"))
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<HostMessage> forgeries(String victim, HostConvergence b, String nic) {
        return List.of(
                heartbeat(victim, b.desired(), b.desiredHash()),
                new HostAck(HostMessage.SCHEMA_VERSION, victim, b.desired(), b.desiredHash(), AckStatus.APPLIED, null),
                new ResyncRequest(HostMessage.SCHEMA_VERSION, victim, Generation.NONE, "forged"),
                new PortStatus(HostMessage.SCHEMA_VERSION, victim, nic, PortStatus.State.WIRED, b.desired()));
    }

    private static Heartbeat heartbeat(String hostId, Generation applied, String hash) {
        return new Heartbeat(HostMessage.SCHEMA_VERSION, hostId, applied, hash, true, DataplaneCounters.empty());
    }

    private static TextMessage text(Session session, HostMessage message) throws JMSException {
        return session.createTextMessage(new HostMessageCodec().encode(message));
    }

    private static ActiveMQConnectionFactory factory(String user, String password) {
        return new ActiveMQConnectionFactory(server.brokerUrl(), user, password);
    }

    private static AddedHost addHost(String address) {
        JsonNode host = CloudStackTopology.kvmHost(admin, zone, cluster, address, Params.none());
        return new AddedHost(
                host.get("id").asText(),
                host.get("agentusername").asText(),
                host.get("agentpassword").asText());
    }

    /** A tenant other than the agents' operator, with a network, for VMs placed on given hosts. */
    private static String tenantNetwork() {
        CloudStackClient bea = CloudStackTenants.client(admin, "bea");
        String offering = bea.ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
        return bea.ok(
                        "createNetwork",
                        Params.of("name", "bea-net")
                                .and("zoneid", zone)
                                .and("networkofferingid", offering)
                                .and("gateway", "10.20.0.1")
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
    }

    /** The tenant's VM placed on {@code hostId}; returns the id of its NIC once the change has gone out. */
    private static String tenantVmOn(String network, String hostId, String name) {
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                Params.of("account", "bea")
                        .and("zoneid", zone)
                        .and("serviceofferingid", SeededCatalogue.SMALL_INSTANCE.toString())
                        .and("templateid", SeededCatalogue.UBUNTU_TEMPLATE.toString())
                        .and("networkids", network)
                        .and("hostid", hostId)
                        .and("name", name));
        JsonNode job = admin.await(deployed.get("jobid").asText());
        assertThat(job.get("jobstatus").asInt()).isEqualTo(1);
        // Every change so far (the hosts, the VM) has gone out: the hosts' desired generations stay put.
        long change = CloudStackClient.changeId(job).orElseThrow();
        ConvergenceQueries convergence = server.injector().getInstance(ConvergenceQueries.class);
        await().atMost(PATIENCE).until(() -> convergence.change(change).dispatched());
        return admin.ok("listNics", "virtualmachineid", deployed.get("id").asText())
                .get("nic")
                .get(0)
                .get("id")
                .asText();
    }

    private static List<String> listedHostIds() {
        JsonNode hosts = admin.ok("listHosts").get("host");
        List<String> ids = new ArrayList<>();
        if (hosts != null) {
            hosts.forEach(host -> ids.add(host.get("id").asText()));
        }
        return ids;
    }

    private static Generation desired(ConvergenceQueries convergence, String hostId) {
        return convergence.host(hostId).map(HostConvergence::desired).orElse(Generation.NONE);
    }

    private static String hostState(String hostId) {
        return admin.ok("listHosts", "id", hostId)
                .get("host")
                .get(0)
                .get("state")
                .asText();
    }

    private static Optional<Instant> lastHeartbeat(String hostId) {
        return server.injector()
                .getInstance(ConvergenceQueries.class)
                .host(hostId)
                .flatMap(HostConvergence::lastHeartbeat);
    }

    private static double refused(String reason) {
        return server.injector()
                .getInstance(MeterRegistry.class)
                .counter(AgentSenders.REFUSED_METRIC, "reason", reason)
                .count();
    }

    private static double counter(String name) {
        return server.injector().getInstance(MeterRegistry.class).counter(name).count();
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(server.metricsUri()).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
