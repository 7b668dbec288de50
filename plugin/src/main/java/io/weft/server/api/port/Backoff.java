package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long to wait before a retry: {@code first}, doubling per failed attempt, never more than
 * {@code max}. No jitter: one server sends few webhooks, so there is no herd to spread out.
 */
public record Backoff(Duration first, Duration max) {
    private static final Duration DEFAULT_FIRST = Duration.ofSeconds(1);

    public Backoff {
        requireNonNull(first, "first is null");
        requireNonNull(max, "max is null");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first must be positive");
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max must be at least first");
        }
    }

    /** Starts at one second, or at {@code max} when that is shorter. */
    public static Backoff upTo(Duration max) {
        return new Backoff(DEFAULT_FIRST.compareTo(max) < 0 ? DEFAULT_FIRST : max, max);
    }

    /** The wait after the {@code failedAttempts}-th failure (1 is the first failure). */
    public Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        // Beyond 2^30 the product would only overflow; the ceiling has long been reached anyway.
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration wait = first;
        for (int i = 0; i < doublings && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
