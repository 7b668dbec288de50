package io.weft.server.api.cloudstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Pods' {@code startip} and {@code endip} as single strings, for jclouds only.
 *
 * <p>CloudStack sends them as lists since 4.11 (PodResponse {@code List<String> startIp, endIp}),
 * and Weft does too, because cloudstack-go (Terraform's provider) reads {@code []string} and fails
 * on a string. jclouds 2.5.0, the last release, reads {@code String startIp, endIp}
 * (org.jclouds.cloudstack.domain.Pod) and its Gson fails on a list, so that {@code listPods},
 * {@code createPod} and {@code updatePod} could not be parsed at all. jclouds names itself in every
 * request's {@code User-Agent} ({@code jclouds/<version> java/<version>}); to it the first entry of
 * each list is sent instead, which is all a Weft pod has.
 */
final class JcloudsPodRanges {
    private static final Set<String> POD_COMMANDS = Set.of("createpod", "listpods", "updatepod");
    private static final Set<String> RANGE_FIELDS = Set.of("startip", "endip");

    private JcloudsPodRanges() {}

    static boolean applies(String userAgent, String command) {
        return userAgent != null
                && userAgent.startsWith("jclouds/")
                && POD_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    /** Rewrites, in place, the pods under the envelope's one response key. */
    static void flatten(ObjectNode envelope) {
        envelope.forEach(body -> {
            JsonNode pods = body.get("pod");
            if (pods == null) {
                return;
            }
            if (pods.isArray()) {
                pods.forEach(JcloudsPodRanges::flattenPod);
            } else {
                flattenPod(pods);
            }
        });
    }

    private static void flattenPod(JsonNode pod) {
        if (!(pod instanceof ObjectNode object)) {
            return;
        }
        for (String field : RANGE_FIELDS) {
            JsonNode value = object.get(field);
            if (value != null && value.isArray()) {
                if (value.isEmpty()) {
                    object.remove(field);
                } else {
                    object.set(field, value.get(0));
                }
            }
        }
    }
}
