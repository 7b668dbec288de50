package io.weft.server.api.ec2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a SigV4 signature (API-COMPAT §3.2) as AWS does: it computes the signature itself over exactly
 * the headers the client named in SignedHeaders, with the client's values, the raw body and the
 * client's X-Amz-Date, for the service the client signed for ({@code ec2}, or {@code sts} for
 * GetCallerIdentity at the same endpoint).
 */
final class SigV4Verifier {
    /** The services whose requests this endpoint answers. */
    static final Set<String> SERVICES = Set.of("ec2", "sts");

    private static final String HMAC = "HmacSHA256";
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

    /**
     * The signature the holder of {@code secretKey} computes for this request: over its canonical
     * request ({@link SigV4CanonicalRequest}), with the key derived for the date, region and service of
     * the credential scope.
     */
    static String expectedSignature(
            Ec2WireRequest request, SigV4Authorization authorization, String secretKey, Instant signedAt) {
        String scope =
                authorization.date() + "/" + authorization.region() + "/" + authorization.service() + "/aws4_request";
        String stringToSign = SigV4Authorization.ALGORITHM + "\n" + AMZ_DATE.format(signedAt) + "\n" + scope + "\n"
                + SigV4CanonicalRequest.sha256Hex(SigV4CanonicalRequest.of(request, authorization.signedHeaders())
                        .getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + HMAC, e);
        }
    }

    /** Constant-time comparison, so that timing does not reveal how much of a guess was right. */
    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
