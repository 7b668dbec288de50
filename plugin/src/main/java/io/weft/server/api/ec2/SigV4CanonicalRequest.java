package io.weft.server.api.ec2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canonical request of SigV4 (API-COMPAT §3.2), built from the request as it arrived: over exactly
 * the headers the client listed in {@code SignedHeaders}, whatever they are. AWS checks just those, and
 * clients differ: Libcloud signs {@code user-agent} and {@code accept-encoding}, which the AWS SDK's own
 * signer leaves out whenever it signs, so that signer cannot be used to check other clients' requests.
 */
final class SigV4CanonicalRequest {
    private static final HexFormat HEX = HexFormat.of();

    private SigV4CanonicalRequest() {}

    /**
     * {@code METHOD\npath\nquery\nheaders\nsigned headers\nbody hash}: the path and the query's names
     * and values RFC 3986-encoded ({@code %20} for a space, {@code ~} as is), the query sorted, each
     * signed header as {@code name:value} with its values trimmed, inner runs of spaces folded and
     * repeated values joined by commas.
     */
    static String of(Ec2WireRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT))
                .append('\n')
                .append(path(request.path()))
                .append('\n')
                .append(query(request.rawQuery()))
                .append('\n');
        for (String name : signedHeaders) {
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> values = request.headers().get(lower);
            if (values == null) {
                throw new Ec2Failure("IncompleteSignature", "the signed header '" + name + "' is not in the request");
            }
            canonical
                    .append(lower)
                    .append(':')
                    .append(values.stream().map(SigV4CanonicalRequest::trim).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return canonical
                .append('\n')
                .append(String.join(";", signedHeaders).toLowerCase(Locale.ROOT))
                .append('\n')
                .append(sha256Hex(request.body()))
                .toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String path(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(FormQuery.decodePath(segment)));
        }
        return String.join("/", segments);
    }

    private static String query(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : FormQuery.decode(rawQuery).entrySet()) {
            for (String value : field.getValue()) {
                pairs.add(Map.entry(encode(field.getKey()), encode(value)));
            }
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return pairs.stream().map(pair -> pair.getKey() + "=" + pair.getValue()).collect(Collectors.joining("&"));
    }

    private static String trim(String value) {
        return value.strip().replaceAll(" +", " ");
    }

    /** RFC 3986: only {@code A-Z a-z 0-9 - _ . ~} stay as they are; everything else is {@code %XX} of its UTF-8. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }
}
