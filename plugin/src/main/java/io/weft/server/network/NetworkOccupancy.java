package io.weft.server.network;

import io.weft.server.topology.TopologyOccupants;
import java.util.List;

/** Networks and network scopes live in a zone and keep it from being deleted. */
public final class NetworkOccupancy implements TopologyOccupants {
    @Override
    public List<Class<?>> inZone() {
        return List.of(Network.class, NetworkScope.class);
    }

    @Override
    public List<Class<?>> onHost() {
        return List.of();
    }
}
