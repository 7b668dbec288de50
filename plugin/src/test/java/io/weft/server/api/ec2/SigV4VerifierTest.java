package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class SigV4VerifierTest {
    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String BODY = "Action=DescribeVpcs&Version=2016-11-15";
    private static final Instant SIGNED_AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final String VECTOR_SIGNATURE = "fbf35ea0aebccc2169a2bc08498de7f447cbf004d405216e91e748b42afb3c81";
    private static final Caller CALLER =
            new Caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ROOT/", Role.USER);

    private final Ec2Authenticator authenticator = new Ec2Authenticator(
            apiKey -> apiKey.equals(KEY) ? Optional.of(new ApiCredentials(KEY, SECRET, CALLER)) : Optional.empty(),
            Clock.fixed(SIGNED_AT.plusSeconds(60), ZoneOffset.UTC));

    /** API-COMPAT §3.2's test vector, which matches botocore's. */
    private static Ec2WireRequest vector(String body, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("Host", List.of("127.0.0.1:8080"));
        headers.put("X-Amz-Date", List.of("20240101T000000Z"));
        headers.put(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=" + KEY + "/20240101/us-east-1/ec2/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date, Signature=" + signature));
        return new Ec2WireRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void referenceVectorVerifies() {
        Ec2WireRequest request = vector(BODY, VECTOR_SIGNATURE);
        SigV4Authorization authorization =
                SigV4Authorization.parse(request.header("authorization").orElseThrow());

        assertThat(SigV4Verifier.expectedSignature(request, authorization, SECRET, SIGNED_AT))
                .isEqualTo(VECTOR_SIGNATURE);
        assertThat(authenticator.authenticate(request)).isEqualTo(CALLER);
    }

    @Test
    void changedBodyDoesNotMatch() {
        assertThatThrownBy(() -> authenticator.authenticate(vector(BODY + "&VpcId.1=vpc-1", VECTOR_SIGNATURE)))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void unknownAccessKeyIsAuthFailure() {
        Ec2WireRequest request = vector(BODY, VECTOR_SIGNATURE);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("authorization", List.of(headers.get("authorization").get(0).replace(KEY, "AKIDOTHER")));
        Ec2WireRequest other = new Ec2WireRequest("POST", "/", "", headers, request.body());

        assertThatThrownBy(() -> authenticator.authenticate(other))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("AuthFailure"));
    }

    @Test
    void requestOutsideTheSkewWindowHasExpired() {
        Ec2Authenticator late = new Ec2Authenticator(
                apiKey -> Optional.of(new ApiCredentials(KEY, SECRET, CALLER)),
                Clock.fixed(SIGNED_AT.plusSeconds(16 * 60), ZoneOffset.UTC));

        assertThatThrownBy(() -> late.authenticate(vector(BODY, VECTOR_SIGNATURE)))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("RequestExpired"));
    }

    @Test
    void scopeDateMustMatchAmzDate() {
        Ec2WireRequest request = vector(BODY, VECTOR_SIGNATURE);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("authorization", List.of(headers.get("authorization").get(0).replace("/20240101/", "/20231231/")));

        assertThatThrownBy(
                        () -> authenticator.authenticate(new Ec2WireRequest("POST", "/", "", headers, request.body())))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("RequestExpired"));
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() {
        Ec2WireRequest request = new Ec2WireRequest(
                "POST", "/", "", Map.of("Host", List.of("h")), BODY.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("MissingAuthenticationToken"));
    }

    @Test
    void malformedAuthorizationIsIncompleteSignature() {
        assertThatThrownBy(
                        () -> SigV4Authorization.parse("AWS4-HMAC-SHA256 Credential=AKID/20240101/r/ec2/aws4_request"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("IncompleteSignature"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AKID/20240101//ec2/aws4_request",
                "AKID//us-east-1/ec2/aws4_request",
                "AKID/20240101/us-east-1//aws4_request",
                "AKID/2024-01-01/us-east-1/ec2/aws4_request"
            })
    void aScopeWithAnEmptyOrMalformedPartIsIncompleteSignature(String credential) {
        assertThatThrownBy(() -> SigV4Authorization.parse(
                        "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=host;x-amz-date, Signature=00"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("IncompleteSignature"));
    }

    /** What the SDK's current signer sends: every SDK header signed, x-amz-content-sha256 included. */
    @Test
    void requestSignedByTheSdkSignerVerifies() {
        byte[] body = "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=a+b"
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:8788/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Host", "127.0.0.1:8788")
                .putHeader("amz-sdk-invocation-id", UUID.randomUUID().toString())
                .putHeader("amz-sdk-request", "attempt=1; max=4")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "my-region-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
        Ec2WireRequest request =
                new Ec2WireRequest("POST", "/", "", signed.request().headers(), body);

        assertThat(request.header("authorization").orElseThrow()).contains("x-amz-content-sha256");
        assertThat(authenticator.authenticate(request)).isEqualTo(CALLER);
    }

    /** A request as Libcloud's SigV4 signer sends it, with the signature that signer computed. */
    private static Ec2WireRequest libcloud(String userAgent) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of(userAgent));
        headers.put("Accept-Encoding", List.of("gzip,deflate"));
        headers.put("Host", List.of("127.0.0.1:8788"));
        headers.put("X-AMZ-Date", List.of("20240101T000000Z"));
        headers.put(
                "X-AMZ-Content-SHA256", List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        headers.put(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=" + KEY + "/20240101/us-east-1/ec2/aws4_request,"
                        + " SignedHeaders=accept-encoding;host;user-agent;x-amz-content-sha256;x-amz-date,"
                        + " Signature=9e7758b2985f88b360ad465feb60eedd82845ced235370c67086f8efd4cafc95"));
        return new Ec2WireRequest(
                "GET",
                "/",
                "Action=CreateTags&ResourceId.0=vpc-0123456789abcdef0&Tag.0.Key=Name&Tag.0.Value=a+b~c%2A"
                        + "&Version=2016-11-15",
                headers,
                new byte[0]);
    }

    /** Libcloud signs user-agent, which the SDK's signer never signs (signature from Libcloud 3.4.1's signer). */
    @Test
    void aSignatureOverUserAgentAndAcceptEncodingVerifies() {
        Ec2Authenticator.SignedCaller signed = authenticator.signedCaller(libcloud("libcloud/3.4.1 (Amazon EC2) "));

        assertThat(signed.caller()).isEqualTo(CALLER);
        assertThat(signed.region()).isEqualTo("us-east-1");
        assertThat(signed.service()).isEqualTo("ec2");
    }

    @Test
    void aChangedSignedUserAgentDoesNotMatch() {
        assertThatThrownBy(() -> authenticator.authenticate(libcloud("libcloud/3.4.2 (Amazon EC2)")))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    /** GetCallerIdentity as botocore 1.29 signs it for STS in another region. */
    @Test
    void aRequestSignedForStsVerifiesWithItsRegion() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("User-Agent", List.of("Boto3/1.26.27 Python/3.11.2 Linux/6.1 Botocore/1.29.27"));
        headers.put("Host", List.of("127.0.0.1:8788"));
        headers.put("X-Amz-Date", List.of("20240101T000000Z"));
        headers.put(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=" + KEY + "/20240101/eu-west-3/sts/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date,"
                        + " Signature=0c79bb545c92c2f4cc50e554b8fcbbc2a783b33a556128e20b27ede4b7458881"));
        Ec2WireRequest request = new Ec2WireRequest(
                "POST",
                "/",
                "",
                headers,
                "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));

        Ec2Authenticator.SignedCaller signed = authenticator.signedCaller(request);

        assertThat(signed.caller()).isEqualTo(CALLER);
        assertThat(signed.region()).isEqualTo("eu-west-3");
        assertThat(signed.service()).isEqualTo("sts");
    }

    @Test
    void aScopeForAnotherServiceDoesNotMatch() {
        Ec2WireRequest request = vector(BODY, VECTOR_SIGNATURE);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("authorization", List.of(headers.get("authorization").get(0).replace("/ec2/", "/s3/")));

        assertThatThrownBy(
                        () -> authenticator.authenticate(new Ec2WireRequest("POST", "/", "", headers, request.body())))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }
}
