package io.weft.server.api.cloudstack;

import io.weft.server.api.cloudstack.CloudStackSignature.Canonicalisation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds signed CloudStack requests the way CloudStack's own documentation describes. */
final class SignedRequests {
    private SignedRequests() {}

    static Map<String, String> sign(String apiKey, String secretKey, String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        params.put("apiKey", apiKey);
        params.put(
                "signature",
                CloudStackSignature.sign(
                        secretKey, CloudStackSignature.stringToSign(params, Canonicalisation.CLOUDSTACK)));
        return params;
    }

    static String queryString(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
