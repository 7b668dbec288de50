package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

/**
 * Sent by every agent every few seconds: the generation it has applied, the hash of its desired
 * state (the server resends FULL on a mismatch) and its dataplane counters.
 */
public record Heartbeat(
        int schema, String hostId, Generation applied, String desiredHash, boolean inSync, DataplaneCounters counters)
        implements HostMessage {
    public Heartbeat {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(applied, "applied is null");
        requireNonNull(desiredHash, "desiredHash is null");
        requireNonNull(counters, "counters is null");
    }
}
