package io.weft.server.api.ec2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Checks a SigV4 signature (API-COMPAT §3.2) by letting the AWS SDK's own signer sign the request
 * again: the headers the client named in SignedHeaders, with the client's values, the raw body, and
 * the client's X-Amz-Date as the signer's clock.
 *
 * <p>The SDK's legacy {@link Aws4Signer} is used on purpose. The newer {@code AwsV4HttpSigner}
 * always adds and signs {@code x-amz-content-sha256}, so it cannot reproduce a signature whose
 * client did not sign that header (the reference vector signs only {@code
 * content-type;host;x-amz-date}); the legacy signer signs exactly the headers it is given.
 */
final class SigV4Verifier {
    static final String SERVICE = "ec2";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Verifier() {}

    /** The signing time the request claims, checked against the scope date and the clock. */
    static Instant checkTime(Ec2WireRequest request, SigV4Authorization authorization, Clock clock) {
        String amzDate = request.header("x-amz-date")
                .orElseThrow(() -> new Ec2Failure("IncompleteSignature", "the request must carry X-Amz-Date"));
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new Ec2Failure("IncompleteSignature", "X-Amz-Date '" + amzDate + "' is not yyyyMMddTHHmmssZ");
        }
        if (!amzDate.startsWith(authorization.date())) {
            throw new Ec2Failure(
                    "RequestExpired",
                    "the credential scope date " + authorization.date() + " differs from X-Amz-Date " + amzDate);
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Ec2Failure(
                    "RequestExpired",
                    "Request has expired: signed at " + amzDate + ", server time " + AMZ_DATE.format(now));
        }
        return signedAt;
    }

    /** The signature the holder of {@code secretKey} computes for this request. */
    @SuppressWarnings("deprecation") // see the class comment: the legacy signer is the one that fits
    static String expectedSignature(
            Ec2WireRequest request, SigV4Authorization authorization, String secretKey, Instant signedAt) {
        String host = request.header("host").orElse("localhost");
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method().toUpperCase(Locale.ROOT)))
                .uri(URI.create("http://" + host))
                .encodedPath(request.path())
                .contentStreamProvider(ContentStreamProvider.fromByteArray(request.body()));
        FormQuery.decode(request.rawQuery())
                .forEach((name, values) -> values.forEach(value -> unsigned.appendRawQueryParameter(name, value)));
        for (String name : authorization.signedHeaders()) {
            List<String> values = request.headers().get(name.toLowerCase(Locale.ROOT));
            if (values == null) {
                throw new Ec2Failure("IncompleteSignature", "the signed header '" + name + "' is not in the request");
            }
            unsigned.putHeader(name, values);
        }
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(authorization.accessKey(), secretKey))
                .signingName(SERVICE)
                .signingRegion(Region.of(authorization.region()))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(unsigned.build(), params);
        String header = signed.firstMatchingHeader("Authorization")
                .orElseThrow(() -> new IllegalStateException("the SDK signer set no Authorization header"));
        return SigV4Authorization.parse(header).signature();
    }

    /** Constant-time comparison, so that timing does not reveal how much of a guess was right. */
    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
