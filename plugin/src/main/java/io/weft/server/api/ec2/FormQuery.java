package io.weft.server.api.ec2;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text ({@code +} is a space) keeping every value
 * of a repeated name, which SigV4 signs and the shared {@code FormDecoder} would drop.
 */
final class FormQuery {
    private FormQuery() {}

    static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String field : encoded.split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String name = decodePart(equals < 0 ? field : field.substring(0, equals));
            String value = equals < 0 ? "" : decodePart(field.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** One value per name, the first, as EC2 reads its parameters. */
    static Map<String, String> firstValues(String encoded) {
        Map<String, String> first = new LinkedHashMap<>();
        decode(encoded).forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /** A path segment: {@code %XX} decoded, {@code +} kept, as a path has no form encoding. */
    static String decodePath(String segment) {
        return decodePart(segment.replace("+", "%2B"));
    }

    private static String decodePart(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The decoder's own message names the decoder; say what is wrong with the request instead.
            throw Ec2Failure.invalidValue(
                    "The request has a malformed percent-encoding (a % not followed by two hex digits)");
        }
    }
}
