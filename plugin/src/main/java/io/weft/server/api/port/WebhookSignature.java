package io.weft.server.api.port;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Weft-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of the
 * exact body bytes, so the receiver checks what it got without re-serialising anything.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Weft-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
