package io.weft.server.api.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    @Test
    void signatureIsTheHexHmacSha256OfTheBodyAsInRfc4231() {
        // RFC 4231 test case 2: an independent oracle, not our own computation again.
        String signature = WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theSignedBodyIsTheDescribedEventInTheDescribedOrder() {
        NicPlugged event = new NicPlugged(
                "6f1c2c5e-4a45-4d3e-9a57-0c8c1f9d2b10",
                "0b7e3c1a-2222-4c55-8d1f-91a4c2f0e001",
                Instant.parse("2024-05-01T10:15:30Z"));

        String body = new String(NicPluggedWebhook.body(event), StandardCharsets.UTF_8);

        assertThat(body)
                .isEqualTo(
                        "{\"event\":\"nic-plugged\",\"portId\":\"6f1c2c5e-4a45-4d3e-9a57-0c8c1f9d2b10\","
                                + "\"hostId\":\"0b7e3c1a-2222-4c55-8d1f-91a4c2f0e001\",\"occurredAt\":\"2024-05-01T10:15:30Z\"}");
    }

    @Test
    void aDifferentSecretOrBodyGivesADifferentSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.of("a", body)).isNotEqualTo(WebhookSignature.of("b", body));
        assertThat(WebhookSignature.of("a", body))
                .isNotEqualTo(WebhookSignature.of("a", "{ }".getBytes(StandardCharsets.UTF_8)));
    }
}
