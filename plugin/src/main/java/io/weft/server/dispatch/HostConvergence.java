package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.Generation;
import java.time.Instant;
import java.util.Optional;

/**
 * One host's convergence as the server knows it: the newest generation sent and its hash, the
 * newest generation the agent confirmed, and the agent's last error and sign of life.
 */
public record HostConvergence(
        String hostId,
        Generation desired,
        String desiredHash,
        Generation applied,
        HostSyncState state,
        Optional<String> lastError,
        Optional<Instant> lastHeartbeat) {
    public HostConvergence {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(desired, "desired is null");
        requireNonNull(desiredHash, "desiredHash is null");
        requireNonNull(applied, "applied is null");
        requireNonNull(state, "state is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(lastHeartbeat, "lastHeartbeat is null");
    }

    public boolean inSync() {
        return !desired.isAfter(applied);
    }
}
