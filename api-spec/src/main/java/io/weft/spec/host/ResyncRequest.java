package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

/** The agent asks for a FULL update: on start, or when a DELTA's base is not what it holds. */
public record ResyncRequest(int schema, String hostId, Generation applied, String reason) implements HostMessage {
    public ResyncRequest {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(applied, "applied is null");
        requireNonNull(reason, "reason is null");
    }
}
