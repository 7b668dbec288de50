package io.weft.server.api.cloudstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CloudStack request signatures: HMAC-SHA1 over the lower-cased, sorted, encoded parameters.
 *
 * <p>Real clients build the string to sign in slightly different ways (API-COMPAT §1.2), and a
 * server that copies CloudStack exactly rejects some of their valid requests; so {@link #verify}
 * accepts a signature that matches any of the {@link Canonicalisation}s.
 */
public final class CloudStackSignature {
    private static final String SIGNATURE = "signature";

    /** How a client encodes {@code *} and {@code ~} and what it sorts. */
    public enum Canonicalisation {
        /** CloudStack's own {@code ApiServer.verifyRequest}. */
        CLOUDSTACK(false, true, Order.BY_NAME),
        /** Apache jclouds 2.5.0. */
        JCLOUDS(true, true, Order.BY_PAIR),
        /** npm csclient. */
        CSCLIENT(true, false, Order.BY_PAIR),
        /** cloudstack-go (Terraform) and cmk. */
        CLOUDSTACK_GO(false, false, Order.BY_NAME);

        private final boolean encodeStar;
        private final boolean encodeTilde;
        private final Order order;

        Canonicalisation(boolean encodeStar, boolean encodeTilde, Order order) {
            this.encodeStar = encodeStar;
            this.encodeTilde = encodeTilde;
            this.order = order;
        }
    }

    private enum Order {
        /** Sort the raw names, then build {@code name=value}. */
        BY_NAME,
        /** Build {@code name=value}, then sort those strings. */
        BY_PAIR
    }

    private CloudStackSignature() {}

    /**
     * The string a client of kind {@code canonicalisation} signs for {@code parameters} (decoded
     * names and values, in any order; {@code signature} is left out).
     */
    public static String stringToSign(Map<String, String> parameters, Canonicalisation canonicalisation) {
        return stringToSign(parameters, canonicalisation, false);
    }

    /** {@code Base64(HmacSHA1(secretKey, stringToSign))}. */
    public static String sign(String secretKey, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmacSha1(secretKey, stringToSign));
    }

    /**
     * Whether {@code signature} (already URL-decoded once, as it comes out of the query string or
     * form) signs {@code parameters} with {@code secretKey} in any known canonicalisation. The
     * comparison takes the same time wherever the first differing byte is.
     */
    public static boolean verify(Map<String, String> parameters, String secretKey, String signature) {
        if (secretKey.isEmpty()) {
            return false;
        }
        byte[] presented;
        try {
            // A '+' sent unencoded in a query string arrives as a space.
            presented = Base64.getDecoder().decode(signature.strip().replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean matched = false;
        for (String candidate : candidates(parameters)) {
            // No early exit: every candidate costs the same whether or not an earlier one matched.
            matched |= MessageDigest.isEqual(presented, hmacSha1(secretKey, candidate));
        }
        return matched;
    }

    /**
     * The distinct strings the known clients could have signed. Clients built on URL-encoding
     * libraries also encode names ({@code tags[0].key} as {@code tags%5B0%5D.key}), so those
     * variants are tried too when a name has such characters.
     */
    static Set<String> candidates(Map<String, String> parameters) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Canonicalisation canonicalisation : Canonicalisation.values()) {
            candidates.add(stringToSign(parameters, canonicalisation, false));
            candidates.add(stringToSign(parameters, canonicalisation, true));
        }
        return candidates;
    }

    private static String stringToSign(
            Map<String, String> parameters, Canonicalisation canonicalisation, boolean encodeNames) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (!name.equalsIgnoreCase(SIGNATURE)) {
                entries.add(Map.entry(name, value == null ? "" : value));
            }
        });
        List<String> pairs = new ArrayList<>();
        if (canonicalisation.order == Order.BY_NAME) {
            entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        }
        for (Map.Entry<String, String> entry : entries) {
            String name = encodeNames ? encode(entry.getKey(), canonicalisation) : entry.getKey();
            pairs.add(name + "=" + encode(entry.getValue(), canonicalisation));
        }
        if (canonicalisation.order == Order.BY_PAIR) {
            pairs.sort(Comparator.naturalOrder());
        }
        return String.join("&", pairs).toLowerCase(Locale.ROOT);
    }

    private static String encode(String value, Canonicalisation canonicalisation) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        if (canonicalisation.encodeStar) {
            encoded = encoded.replace("*", "%2A");
        }
        if (!canonicalisation.encodeTilde) {
            encoded = encoded.replace("%7E", "~");
        }
        return encoded;
    }

    private static byte[] hmacSha1(String secretKey, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
