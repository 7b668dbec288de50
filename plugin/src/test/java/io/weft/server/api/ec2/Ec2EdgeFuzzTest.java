package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Coverage-guided fuzzing of the EC2 Query edge up to the action: the form decoding
 * ({@link FormQuery}), list and struct reading ({@link Ec2Params}), the SigV4 {@code Authorization}
 * header ({@link SigV4Authorization#parse}) and the signature check ({@link Ec2Authenticator} with a
 * key directory in memory). The contract: every refusal is an {@link Ec2Failure} with an EC2 error
 * code, nothing else escapes; decoded forms encode back to themselves; a parsed header prints and
 * parses back to itself; a request signed with the user's secret over whatever headers, path,
 * query and body authenticates as that user, and the same request with a changed signature does not.
 *
 * <p>A plain build replays {@code Ec2EdgeFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/reliability.md, "Fuzzing").
 */
class Ec2EdgeFuzzTest {
    private static final String KEY = "AKIDFUZZ";
    private static final String SECRET = "fuzz/secret+key";
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final String AMZ_DATE = "20261205T120000Z";
    private static final Caller CALLER = new Caller(
            UUID.fromString("00000000-0000-0000-0000-00000000000a"),
            UUID.fromString("00000000-0000-0000-0000-00000000000b"),
            UUID.fromString("00000000-0000-0000-0000-00000000000c"),
            "ROOT/",
            Role.USER);
    private static final Set<String> WIRE_CODES = Set.of(
            "InvalidParameterValue",
            "MissingParameter",
            "IncompleteSignature",
            "SignatureDoesNotMatch",
            "AuthFailure",
            "RequestExpired",
            "MissingAuthenticationToken");

    private final Ec2Authenticator authenticator = new Ec2Authenticator(
            apiKey -> apiKey.equals(KEY) ? Optional.of(new ApiCredentials(KEY, SECRET, CALLER)) : Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest(maxDuration = "60s")
    void formQuery(byte[] input) {
        String form = new String(input, StandardCharsets.UTF_8);
        Map<String, List<String>> fields;
        try {
            fields = FormQuery.decode(form);
        } catch (Ec2Failure refused) {
            assertThat(refused.code()).isEqualTo("InvalidParameterValue");
            return;
        }
        assertThat(FormQuery.decode(encoded(fields))).isEqualTo(fields);

        Ec2Params params = new Ec2Params(FormQuery.firstValues(form));
        for (String name : params.asMap().keySet()) {
            String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            // Only Name.N with N in ASCII digits is a list member ("Name.N." reads as Name.N too).
            long members = params.asMap().keySet().stream()
                    .filter(key -> key.startsWith(head + ".")
                            && key.substring(head.length() + 1).matches("[0-9]{1,9}\\.?"))
                    .count();
            assertThat(params.list(head)).doesNotContainNull().hasSizeLessThanOrEqualTo((int) members);
            for (Ec2Params member : params.structs(head)) {
                onlyEc2Failure(() -> member.integer("FromPort"));
                onlyEc2Failure(() -> member.bool("Enabled"));
                onlyEc2Failure(() -> member.required("IpProtocol"));
            }
            params.struct(head).asMap();
            onlyEc2Failure(() -> params.integer(name));
            onlyEc2Failure(() -> params.bool(name));
        }
        onlyEc2Failure(() -> FormQuery.decodePath(form));
    }

    @FuzzTest(maxDuration = "60s")
    void authorizationHeader(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        SigV4Authorization authorization;
        try {
            authorization = SigV4Authorization.parse(header);
        } catch (Ec2Failure refused) {
            assertThat(refused.code()).isEqualTo("IncompleteSignature");
            return;
        }
        String printed = SigV4Authorization.ALGORITHM + " Credential=" + authorization.accessKey() + "/"
                + authorization.date() + "/" + authorization.region() + "/" + authorization.service()
                + "/aws4_request, SignedHeaders=" + String.join(";", authorization.signedHeaders())
                + ", Signature=" + authorization.signature();
        assertThat(SigV4Authorization.parse(printed)).isEqualTo(authorization);
    }

    /**
     * A request built from the input and signed correctly must pass and, with one signature digit
     * changed, fail; the input's own Authorization header (almost never right) must fail cleanly.
     */
    @FuzzTest(maxDuration = "60s")
    void signedRequest(FuzzedDataProvider data) {
        String method = data.pickValue(List.of("POST", "GET", "post"));
        String path = data.consumeString(40);
        String rawQuery = data.consumeString(120);
        String extraName = data.consumeString(20);
        String extraValue = data.consumeString(60);
        String ownHeader = data.consumeString(200);
        boolean signExtra = data.consumeBoolean();
        boolean signContentType = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();

        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("ec2.weft.test:8080"));
        headers.put("X-Amz-Date", List.of(AMZ_DATE));
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        boolean extra = !extraName.isEmpty() && !extraName.equalsIgnoreCase("authorization");
        if (extra) {
            headers.computeIfAbsent(extraName, n -> new ArrayList<>()).add(extraValue);
        }

        // The input's own header: refused with an EC2 code, never accepted, never another exception.
        Map<String, List<String>> forged = new LinkedHashMap<>(headers);
        forged.put("Authorization", List.of(ownHeader));
        try {
            authenticator.authenticate(new Ec2WireRequest(method, path, rawQuery, forged, body));
            throw new AssertionError("a request with an unsigned Authorization header was accepted: " + ownHeader);
        } catch (Ec2Failure refused) {
            assertThat(refused.code()).isIn(WIRE_CODES);
        }

        List<String> signed = new ArrayList<>(List.of("host", "x-amz-date"));
        if (signContentType) {
            signed.add("content-type");
        }
        if (extra && signExtra) {
            signed.add(extraName.toLowerCase(Locale.ROOT));
        }
        String scope = KEY + "/" + AMZ_DATE.substring(0, 8) + "/us-east-1/ec2/aws4_request";
        String unsignedHeader = SigV4Authorization.ALGORITHM + " Credential=" + scope + ", SignedHeaders="
                + String.join(";", signed) + ", Signature=";
        Ec2WireRequest unsigned = new Ec2WireRequest(method, path, rawQuery, headers, body);
        String signature;
        try {
            signature = SigV4Verifier.expectedSignature(
                    unsigned, SigV4Authorization.parse(unsignedHeader + "0"), SECRET, NOW);
        } catch (Ec2Failure refused) {
            // A path or query that cannot be decoded, or a signed header name that cannot be listed:
            // the server refuses it the same way, whatever the signature.
            assertThat(refused.code()).isIn(WIRE_CODES);
            Map<String, List<String>> anySignature = new LinkedHashMap<>(headers);
            anySignature.put("Authorization", List.of(unsignedHeader + "0"));
            assertThatThrownBy(() ->
                            authenticator.authenticate(new Ec2WireRequest(method, path, rawQuery, anySignature, body)))
                    .isInstanceOf(Ec2Failure.class);
            return;
        }
        Map<String, List<String>> withSignature = new LinkedHashMap<>(headers);
        withSignature.put("Authorization", List.of(unsignedHeader + signature));
        assertThat(authenticator.authenticate(new Ec2WireRequest(method, path, rawQuery, withSignature, body)))
                .isEqualTo(CALLER);

        char first = signature.charAt(0);
        String changed = (first == '0' ? '1' : '0') + signature.substring(1);
        withSignature.put("Authorization", List.of(unsignedHeader + changed));
        assertThatThrownBy(() ->
                        authenticator.authenticate(new Ec2WireRequest(method, path, rawQuery, withSignature, body)))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    private static void onlyEc2Failure(Runnable read) {
        try {
            read.run();
        } catch (Ec2Failure refused) {
            assertThat(refused.code()).isIn(WIRE_CODES);
        }
    }

    private static String encoded(Map<String, List<String>> fields) {
        return fields.entrySet().stream()
                .flatMap(field -> field.getValue().stream()
                        .map(value -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
