package io.weft.server.topology;

import static io.weft.server.topology.TopologyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clusters of a zone: root admins only. A cluster that still holds hosts cannot be deleted (IN_USE). */
public final class ClusterService {
    private final TopologyOperations operations;
    private final TopologyStore store;
    private final Clock clock;

    @Inject
    ClusterService(TopologyOperations operations, TopologyStore store, Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ClusterView add(Caller caller, ClusterSpec spec) {
        operations.requireRootAdmin(caller);
        String name = checkName(spec.name());
        return operations.write(session -> {
            Zone zone = operations.find(session, Zone.class, spec.zoneId());
            Pod pod = spec.podId()
                    .map(podId -> operations.podInZone(session, podId, zone))
                    .orElse(null);
            operations.requireUniqueName(session, Cluster.class, zone, name, Optional.empty());
            Cluster cluster = new Cluster(
                    UUID.randomUUID(), zone, pod, name, spec.hypervisorType(), spec.clusterType(), clock.instant());
            store.persist(session, cluster);
            return view(cluster);
        });
    }

    public ClusterView update(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<AllocationState> allocationState,
            Optional<ManagedState> managedState) {
        return operations.update(
                caller,
                Cluster.class,
                id,
                name,
                (session, cluster) -> {
                    allocationState.ifPresent(cluster::setAllocationState);
                    managedState.ifPresent(cluster::setManagedState);
                },
                ClusterService::view);
    }

    public List<ClusterView> list(Caller caller, Optional<UUID> zoneId) {
        return operations.list(caller, Cluster.class, zoneId, ClusterService::view);
    }

    public ClusterView get(Caller caller, UUID id) {
        return operations.get(caller, Cluster.class, id, ClusterService::view);
    }

    public void delete(Caller caller, UUID id) {
        operations.delete(caller, Cluster.class, id, store::clusterContents, (session, cluster) -> {});
    }

    private static ClusterView view(Cluster cluster) {
        return new ClusterView(
                cluster.getUuid(),
                cluster.getName(),
                cluster.getZone().getUuid(),
                Optional.ofNullable(cluster.getPod()).map(Pod::getUuid),
                cluster.getHypervisorType(),
                cluster.getClusterType(),
                cluster.getAllocationState(),
                cluster.getManagedState());
    }
}
