package io.weft.server.compute;

import io.weft.server.topology.TopologyOccupants;
import java.util.List;

/** VMs live in a zone and on a host, NICs on a host; either keeps it from being deleted. */
public final class ComputeOccupancy implements TopologyOccupants {
    @Override
    public List<Class<?>> inZone() {
        return List.of(VirtualMachine.class);
    }

    @Override
    public List<Class<?>> onHost() {
        return List.of(VirtualMachine.class, Nic.class);
    }
}
