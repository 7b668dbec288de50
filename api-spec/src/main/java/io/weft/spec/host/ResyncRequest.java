package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

/**
 * The agent asks for its state again: on start, on (re)connecting, or when a DELTA's base is not
 * what it holds. {@code desiredHash} is the hash of the state it holds at {@code applied} (empty
 * from an agent that does not say), so that a server whose state for the host is the same can
 * confirm it with an empty DELTA instead of sending it whole: after a server restart or a
 * dispatcher take-over, hosts already in sync cost a few hundred bytes each.
 */
public record ResyncRequest(int schema, String hostId, Generation applied, String reason, String desiredHash)
        implements HostMessage {
    public ResyncRequest {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(applied, "applied is null");
        requireNonNull(reason, "reason is null");
        desiredHash = desiredHash == null ? "" : desiredHash;
    }

    /** A request that does not say what the agent holds: always answered with a FULL. */
    public ResyncRequest(int schema, String hostId, Generation applied, String reason) {
        this(schema, hostId, applied, reason, "");
    }
}
