package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.http.FormDecoder;
import io.weft.server.tenancy.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Coverage-guided fuzzing of the CloudStack edge up to the command: the query or form text decoded
 * into parameters, read through {@link Params}, and authenticated by {@link CloudStackAuthenticator}
 * against a key directory in memory. The contract: a malformed escape is an
 * {@link IllegalArgumentException} (the handler answers 431), a bad value a {@link WeftException},
 * a failed check always {@link ErrorCode#UNAUTHENTICATED}; nothing else escapes. What decodes
 * encodes back to the same parameters; what is signed with the user's secret, in any of the known
 * clients' canonicalisations, authenticates as that user, and a changed signature does not.
 *
 * <p>A plain build replays {@code CloudStackEdgeFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/reliability.md, "Fuzzing").
 */
class CloudStackEdgeFuzzTest {
    private static final String API_KEY = "fuzz-api-key";
    private static final String SECRET = "fuzz-secret-key";
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Set<String> AUTH_PARAMETERS = Set.of("apikey", "signature", "signatureversion", "expires");

    private final CloudStackAuthenticator authenticator = new CloudStackAuthenticator(
            new InMemoryApiKeyDirectory().addRootAdmin(API_KEY, SECRET),
            new ApiConfig(false, Duration.ofMinutes(15), 500),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest(maxDuration = "60s")
    void request(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            FormDecoder.decodeInto(query, parameters);
        } catch (IllegalArgumentException malformed) {
            assertThat(malformed.getClass()).isEqualTo(IllegalArgumentException.class);
            return;
        }
        assertThat(decoded(encoded(parameters))).isEqualTo(parameters);

        CloudStackRequest request = new CloudStackRequest(parameters);
        request.format();
        readEveryParameter(Params.of("fuzzCommand", request.parameters()));
        try {
            Caller caller = authenticator.authenticate(request);
            // Only a request signed with the secret may pass; the fuzzer does not know it.
            assertThat(CloudStackSignature.verify(
                            parameters, SECRET, request.parameter("signature").orElseThrow()))
                    .isTrue();
            assertThat(caller).isEqualTo(InMemoryApiKeyDirectory.rootAdmin());
        } catch (WeftException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refused.getMessage()).isEqualTo(CloudStackAuthenticator.FAILURE_TEXT);
        }
    }

    /** The same parameters signed by each known client: accepted; with one bit changed: refused. */
    @FuzzTest(maxDuration = "60s")
    void signedRequest(byte[] input) {
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            FormDecoder.decodeInto(new String(input, StandardCharsets.UTF_8), parameters);
        } catch (IllegalArgumentException malformed) {
            return;
        }
        parameters.keySet().removeIf(name -> AUTH_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT)));
        parameters.put("apiKey", API_KEY);
        for (CloudStackSignature.Canonicalisation client : CloudStackSignature.Canonicalisation.values()) {
            String signature = CloudStackSignature.sign(SECRET, CloudStackSignature.stringToSign(parameters, client));
            Map<String, String> signed = new LinkedHashMap<>(parameters);
            signed.put("signature", signature);
            assertThat(authenticator.authenticate(new CloudStackRequest(signed)))
                    .isEqualTo(InMemoryApiKeyDirectory.rootAdmin());

            byte[] changed = Base64.getDecoder().decode(signature);
            changed[input.length % changed.length] ^= 1;
            signed.put("signature", Base64.getEncoder().encodeToString(changed));
            assertThatThrownBy(() -> authenticator.authenticate(new CloudStackRequest(signed)))
                    .isInstanceOfSatisfying(
                            WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }
    }

    /** Every accessor on every name: a value, empty, or a WeftException with a CloudStack message. */
    private static void readEveryParameter(Params params) {
        for (String name : params.names()) {
            params.get(name);
            params.list(name);
            params.bool(name, false);
            expectOnlyWeftException(() -> params.number(name));
            expectOnlyWeftException(() -> params.uuid(name));
            int bracket = name.indexOf('[');
            if (bracket > 0) {
                expectOnlyWeftException(() -> params.indexed(name.substring(0, bracket)));
            }
        }
    }

    private static void expectOnlyWeftException(Runnable read) {
        try {
            read.run();
        } catch (WeftException refused) {
            assertThat(refused.code()).isIn(ErrorCode.INVALID_PARAMETER, ErrorCode.MISSING_PARAMETER);
        }
    }

    private static String encoded(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> decoded(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        FormDecoder.decodeInto(query, parameters);
        return parameters;
    }
}
