package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * When a host counts as up: heard from within the heartbeat timeout. The dispatcher counts a host
 * as disconnected by the same timeout, so {@code ServerModules} gives both the one configured value
 * ({@code dispatch.heartbeatTimeout}). Placement asks this rather than the hosts' state column,
 * which the dispatcher writes only when it records host status.
 */
public record HostLiveness(Duration heartbeatTimeout) {
    public HostLiveness {
        requireNonNull(heartbeatTimeout, "heartbeatTimeout is null");
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeatTimeout must be positive");
        }
    }

    /** The oldest last heartbeat of a host that is up at {@code now}. */
    public Instant upSince(Instant now) {
        return now.minus(heartbeatTimeout);
    }
}
