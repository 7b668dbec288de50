package io.weft.testsupport.cloudstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each real CloudStack client signs and sends a request (API-COMPAT §1.2), written from the
 * table there and independent of the server's own verifier.
 */
public enum SigningVariant {
    /** CloudStack's own {@code ApiServer}: {@code *} raw, {@code ~} as {@code %7E}, sorted by name; GET. */
    CLOUDSTACK_SERVER(false, true, false, Transport.GET, Optional.empty()),
    /** jclouds 2.5.0: {@code %2A}, {@code %7E}, sorts {@code name=value} strings; GET, no v3. */
    JCLOUDS(true, true, true, Transport.GET, Optional.empty()),
    /** npm csclient: {@code %2A}, {@code ~} raw, sorts {@code name=value}; GET with v3, expires now+5 min as {@code +0000}. */
    CSCLIENT(
            true,
            false,
            true,
            Transport.GET,
            Optional.of(new Expiry(
                    "signatureVersion", Duration.ofMinutes(5), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")))),
    /**
     * cloudstack-go and cmk: {@code *} and {@code ~} raw, sorted by name; POST form with v3 (the name
     * in lower case, {@code signatureversion}), expires now+15 min RFC 3339 Z.
     */
    CLOUDSTACK_GO(
            false,
            false,
            false,
            Transport.POST_FORM,
            Optional.of(new Expiry("signatureversion", Duration.ofMinutes(15), null)));

    /** How the signed parameters travel: in the URL, or as a form body (no URL length limit). */
    public enum Transport {
        GET,
        POST_FORM
    }

    /**
     * Signature version 3, under the parameter name the client spells ({@code signatureVersion} or
     * {@code signatureversion}), with {@code expires} this far ahead, in this form (null: ISO instant).
     */
    record Expiry(String versionName, Duration ahead, DateTimeFormatter format) {
        String at(Clock clock) {
            var when = clock.instant().plus(ahead).truncatedTo(ChronoUnit.SECONDS);
            return format == null ? when.toString() : format.format(when.atOffset(ZoneOffset.UTC));
        }
    }

    private final boolean encodeStar;
    private final boolean encodeTilde;
    private final boolean sortPairs;
    private final Transport transport;
    private final Optional<Expiry> expiry;

    SigningVariant(
            boolean encodeStar, boolean encodeTilde, boolean sortPairs, Transport transport, Optional<Expiry> expiry) {
        this.encodeStar = encodeStar;
        this.encodeTilde = encodeTilde;
        this.sortPairs = sortPairs;
        this.transport = transport;
        this.expiry = expiry;
    }

    Transport transport() {
        return transport;
    }

    /** The request parameters with what this client adds before signing ({@code apiKey}, v3 fields). */
    Map<String, String> withSigningParameters(Map<String, String> parameters, String apiKey, Clock clock) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("apiKey", apiKey);
        expiry.ifPresent(e -> {
            all.put(e.versionName(), "3");
            all.put("expires", e.at(clock));
        });
        return all;
    }

    /** The lower-cased string this client signs for {@code parameters} (names and values decoded). */
    String stringToSign(Map<String, String> parameters) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(parameters.entrySet());
        if (!sortPairs) {
            entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            pairs.add(entry.getKey() + "=" + encode(entry.getValue()));
        }
        if (sortPairs) {
            pairs.sort(Comparator.naturalOrder());
        }
        return String.join("&", pairs).toLowerCase(Locale.ROOT);
    }

    String sign(String secretKey, Map<String, String> parameters) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(stringToSign(parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as this client encodes it, for signing and on the wire. */
    String encode(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        encoded = encodeStar ? encoded.replace("*", "%2A") : encoded;
        return encodeTilde ? encoded : encoded.replace("%7E", "~");
    }
}
