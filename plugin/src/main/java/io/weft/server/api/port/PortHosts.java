package io.weft.server.api.port;

import java.util.Optional;

/** The host a port is bound to now, as the database says. */
@FunctionalInterface
public interface PortHosts {
    /** The id of the host {@code portId} is bound to; empty when it is unbound or no such port exists. */
    Optional<String> hostOf(String portId);
}
