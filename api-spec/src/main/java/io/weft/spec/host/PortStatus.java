package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

/**
 * A NIC's plumbing on its host changed: WIRED once the tap is plugged into the integration bridge
 * and its filters are in place, UNWIRED when it is gone. The compute side waits for WIRED.
 */
public record PortStatus(int schema, String hostId, String nicId, State state, Generation generation)
        implements HostMessage {
    public enum State {
        WIRED,
        UNWIRED
    }

    public PortStatus {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(nicId, "nicId is null");
        requireNonNull(state, "state is null");
        requireNonNull(generation, "generation is null");
    }
}
