package io.weft.server.api.port;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a real HTTP receiver (WireMock) that is down at first. */
class NicPluggedWebhookTest {
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private NicPluggedWebhook webhook;

    @BeforeEach
    void start() {
        receiver.start();
        webhook = new NicPluggedWebhook(
                URI.create(receiver.baseUrl() + "/events"),
                "s3cret",
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        webhook.close();
        receiver.stop();
    }

    @Test
    void aReceiverThatIsDownAtFirstGetsTheSameSignedEventUntilItAnswers2xx() throws Exception {
        receiver.stubFor(post(urlEqualTo("/events"))
                .inScenario("receiver")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        receiver.stubFor(post(urlEqualTo("/events"))
                .inScenario("receiver")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/events"))
                .inScenario("receiver")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));

        webhook.accept(new NicPlugged("port-1", "host-1", Instant.parse("2024-05-01T00:00:00Z")));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhook.pending() == 0);
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/events")));
        assertThat(requests).hasSize(3);
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader(WebhookSignature.HEADER))
                    .isEqualTo("sha256=" + hmac("s3cret", request.getBody()));
            assertThat(request.getBodyAsString()).contains("\"event\":\"nic-plugged\"", "\"portId\":\"port-1\"");
        }
        receiver.verify(
                3, postRequestedFor(urlEqualTo("/events")).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void acceptingReturnsBeforeTheReceiverHasAnswered() {
        receiver.stubFor(post(urlEqualTo("/events"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        webhook.accept(new NicPlugged("port-1", "host-1", Instant.now()));

        // Had accept waited for the slow receiver, the event would already count as delivered.
        assertThat(webhook.pending()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.pending() == 0);
    }

    /** Computed here with the JDK directly, independently of {@link WebhookSignature}. */
    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
