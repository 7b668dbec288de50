package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A port's host has wired it: what the {@code nic-plugged} webhook tells the compute side. */
public record NicPlugged(String portId, String hostId, Instant occurredAt) {
    public static final String EVENT = "nic-plugged";

    public NicPlugged {
        requireNonNull(portId, "portId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(occurredAt, "occurredAt is null");
    }
}
