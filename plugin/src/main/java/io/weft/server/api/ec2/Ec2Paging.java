package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code MaxResults} (5–1000) and {@code NextToken} (API-COMPAT §3.6). The token is opaque to the
 * client: the offset of the next item and a fingerprint of the other parameters, since the SDK
 * resends them all with the token and a token reused with other parameters would page the wrong
 * list ({@code InvalidNextToken}).
 */
final class Ec2Paging {
    static final int MIN_RESULTS = 5;
    static final int MAX_RESULTS = 1000;

    private Ec2Paging() {}

    record Slice<T>(List<T> items, Optional<String> nextToken) {
        Slice {
            items = List.copyOf(items);
            requireNonNull(nextToken, "nextToken is null");
        }
    }

    static <T> Slice<T> page(List<T> all, Ec2Params params, String action) {
        Optional<Integer> max = params.integer("MaxResults");
        if (max.isPresent() && (max.get() < MIN_RESULTS || max.get() > MAX_RESULTS)) {
            throw Ec2Failure.invalidValue("Value ( " + max.get() + " ) for parameter maxResults is invalid."
                    + " Expecting a value between " + MIN_RESULTS + " and " + MAX_RESULTS + ".");
        }
        String fingerprint = fingerprint(params, action);
        int offset = params.string("NextToken")
                .filter(token -> !token.isEmpty())
                .map(token -> offset(token, fingerprint))
                .orElse(0);
        if (offset > all.size()) {
            throw new Ec2Failure("InvalidNextToken", "The token is no longer valid");
        }
        int end = max.map(limit -> Math.min(all.size(), offset + limit)).orElse(all.size());
        Optional<String> next = end < all.size() ? Optional.of(token(end, fingerprint)) : Optional.empty();
        return new Slice<>(all.subList(offset, end), next);
    }

    private static String fingerprint(Ec2Params params, String action) {
        Map<String, String> rest = new TreeMap<>(params.asMap());
        rest.keySet().removeAll(List.of("NextToken", "MaxResults", "DryRun"));
        return Integer.toHexString((action + rest).hashCode());
    }

    private static String token(int offset, String fingerprint) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("1:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String fingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("1") && parts[2].equals(fingerprint)) {
                int offset = Integer.parseInt(parts[1]);
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is one too
        }
        throw new Ec2Failure("InvalidNextToken", "The token '" + token + "' is invalid for this request");
    }
}
