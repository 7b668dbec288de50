package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.time.Duration;

/**
 * Behaviour of the CloudStack-compatible API.
 *
 * @param enforcePostRequestsAndTimestamps named after CloudStack's {@code
 *     enforce.post.requests.and.timestamps}: when on, every request must be signed with {@code
 *     signatureVersion=3} and an {@code expires} no further ahead than {@link #expiresWindow()}.
 *     GET stays allowed, because jclouds, csclient and cmk only send GET.
 * @param expiresWindow how far in the future {@code expires} may lie when enforcement is on
 * @param defaultPageSize the largest {@code pagesize}, and the page size when none is given
 */
public record ApiConfig(boolean enforcePostRequestsAndTimestamps, Duration expiresWindow, int defaultPageSize) {
    public static final boolean DEFAULT_ENFORCE_POST_REQUESTS_AND_TIMESTAMPS = false;
    public static final Duration DEFAULT_EXPIRES_WINDOW = Duration.ofMinutes(15);
    public static final int DEFAULT_PAGE_SIZE = 500;

    public ApiConfig {
        requireNonNull(expiresWindow, "expiresWindow is null");
        if (expiresWindow.isNegative() || expiresWindow.isZero()) {
            throw new ConfigException("api.expiresWindow must be positive");
        }
    }

    public static ApiConfig from(ConfigSource source) {
        return new ApiConfig(
                source.bool("api.enforcePostRequestsAndTimestamps", DEFAULT_ENFORCE_POST_REQUESTS_AND_TIMESTAMPS),
                source.duration("api.expiresWindow", DEFAULT_EXPIRES_WINDOW),
                source.integer("api.defaultPageSize", DEFAULT_PAGE_SIZE, 1, 100_000));
    }
}
