package io.weft.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body) into
 * raw names and decoded values. When a name comes twice, the first value wins, as it does in the
 * servlet containers CloudStack runs on.
 */
public final class FormDecoder {
    private FormDecoder() {}

    /**
     * Adds the fields of {@code encoded} to {@code into}, keeping fields already there.
     *
     * @throws IllegalArgumentException on a malformed {@code %} escape
     */
    public static void decodeInto(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String field : encoded.split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String name = decode(equals < 0 ? field : field.substring(0, equals));
            String value = equals < 0 ? "" : decode(field.substring(equals + 1));
            if (!name.isEmpty()) {
                into.putIfAbsent(name, value);
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
