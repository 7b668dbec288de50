package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudStackAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final ApiConfig DEFAULTS = new ApiConfig(false, Duration.ofMinutes(15), 500);
    private static final ApiConfig ENFORCED = new ApiConfig(true, Duration.ofMinutes(15), 500);

    private final InMemoryApiKeyDirectory directory = new InMemoryApiKeyDirectory().addRootAdmin("KEY", "SECRET");

    @Test
    void signedRequestWithoutVersionResolvesTheCaller() {
        assertThat(authenticate(DEFAULTS, SignedRequests.sign("KEY", "SECRET", "command", "listZones")))
                .isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
    }

    @Test
    void apiKeyNameIsMatchedIgnoringCase() {
        Map<String, String> params = SignedRequests.sign("KEY", "SECRET", "command", "listZones");
        params.remove("apiKey");
        params.remove("signature");
        params.put("APIKEY", "KEY");
        params.put(
                "signature",
                CloudStackSignature.sign(
                        "SECRET",
                        CloudStackSignature.stringToSign(params, CloudStackSignature.Canonicalisation.CLOUDSTACK)));
        assertThat(authenticate(DEFAULTS, params)).isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
    }

    @Test
    void unknownApiKeyIsUnauthenticated() {
        assertUnauthenticated(DEFAULTS, SignedRequests.sign("OTHER", "SECRET", "command", "listZones"));
    }

    @Test
    void missingSignatureIsUnauthenticated() {
        Map<String, String> params = SignedRequests.sign("KEY", "SECRET", "command", "listZones");
        params.remove("signature");
        assertUnauthenticated(DEFAULTS, params);
    }

    @Test
    void wrongSecretIsUnauthenticated() {
        assertUnauthenticated(DEFAULTS, SignedRequests.sign("KEY", "WRONG", "command", "listZones"));
    }

    @Test
    void versionThreeWithFutureExpiresInEachFormatIsAccepted() {
        for (String expires : new String[] {
            "2024-05-01T10:15:00Z", "2024-05-01T10:15:00+00:00", "2024-05-01T10:05:00+0000", "2024-05-01T12:05:00+0200"
        }) {
            Map<String, String> params = SignedRequests.sign(
                    "KEY", "SECRET", "command", "listZones", "signatureVersion", "3", "expires", expires);
            assertThat(authenticate(DEFAULTS, params)).as(expires).isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
        }
    }

    @Test
    void versionThreeWithPastExpiresIsUnauthenticated() {
        assertUnauthenticated(
                DEFAULTS,
                SignedRequests.sign(
                        "KEY",
                        "SECRET",
                        "command",
                        "listZones",
                        "signatureVersion",
                        "3",
                        "expires",
                        "2024-05-01T09:59:59Z"));
    }

    @Test
    void versionThreeWithoutExpiresIsUnauthenticated() {
        assertUnauthenticated(
                DEFAULTS, SignedRequests.sign("KEY", "SECRET", "command", "listZones", "signatureVersion", "3"));
    }

    @Test
    void versionThreeWithUnparsableExpiresIsUnauthenticated() {
        assertUnauthenticated(
                DEFAULTS,
                SignedRequests.sign(
                        "KEY", "SECRET", "command", "listZones", "signatureVersion", "3", "expires", "tomorrow"));
    }

    @Test
    void expiresIsIgnoredWithoutVersionThree() {
        Map<String, String> params =
                SignedRequests.sign("KEY", "SECRET", "command", "listZones", "expires", "2000-01-01T00:00:00Z");
        assertThat(authenticate(DEFAULTS, params)).isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
    }

    @Test
    void enforcementRequiresVersionThree() {
        assertUnauthenticated(ENFORCED, SignedRequests.sign("KEY", "SECRET", "command", "listZones"));
    }

    @Test
    void enforcementRejectsExpiresBeyondTheWindow() {
        assertUnauthenticated(
                ENFORCED,
                SignedRequests.sign(
                        "KEY",
                        "SECRET",
                        "command",
                        "listZones",
                        "signatureVersion",
                        "3",
                        "expires",
                        "2024-05-01T10:16:00Z"));
    }

    @Test
    void enforcementAcceptsExpiresWithinTheWindow() {
        Map<String, String> params = SignedRequests.sign(
                "KEY", "SECRET", "command", "listZones", "signatureVersion", "3", "expires", "2024-05-01T10:14:00Z");
        assertThat(authenticate(ENFORCED, params)).isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
    }

    @Test
    void plusSentUnencodedInExpiresIsRestored() {
        assertThat(CloudStackAuthenticator.parseExpires("2024-05-01T10:05:00 0000"))
                .contains(Instant.parse("2024-05-01T10:05:00Z"));
    }

    private Caller authenticate(ApiConfig config, Map<String, String> params) {
        return new CloudStackAuthenticator(directory, config, Clock.fixed(NOW, ZoneOffset.UTC))
                .authenticate(new CloudStackRequest(params));
    }

    private void assertUnauthenticated(ApiConfig config, Map<String, String> params) {
        assertThatThrownBy(() -> authenticate(config, params))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessage(CloudStackAuthenticator.FAILURE_TEXT);
    }
}
