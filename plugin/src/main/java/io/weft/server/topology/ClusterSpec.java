package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** What addCluster needs; the pod is optional because jclouds leaves it out. */
public record ClusterSpec(
        UUID zoneId, Optional<UUID> podId, String name, HypervisorType hypervisorType, ClusterType clusterType) {
    public ClusterSpec {
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(podId, "podId is null");
        requireNonNull(name, "name is null");
        requireNonNull(hypervisorType, "hypervisorType is null");
        requireNonNull(clusterType, "clusterType is null");
    }
}
