package io.weft.server.topology;

import static io.weft.server.topology.TopologyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pods of a zone: root admins only. A pod that still holds clusters or hosts cannot be deleted (IN_USE). */
public final class PodService {
    private final TopologyOperations operations;
    private final TopologyStore store;
    private final Clock clock;

    @Inject
    PodService(TopologyOperations operations, TopologyStore store, Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public PodView create(
            Caller caller,
            UUID zoneId,
            String name,
            Optional<PodAddressing> addressing,
            AllocationState allocationState) {
        operations.requireRootAdmin(caller);
        String checkedName = checkName(name);
        return operations.write(session -> {
            Zone zone = operations.find(session, Zone.class, zoneId);
            operations.requireUniqueName(session, Pod.class, zone, checkedName, Optional.empty());
            Pod pod = new Pod(UUID.randomUUID(), zone, checkedName, clock.instant());
            addressing.ifPresent(a -> pod.setAddressing(a.gateway(), a.netmask(), a.startIp(), a.endIp()));
            pod.setAllocationState(allocationState);
            store.persist(session, pod);
            return view(pod);
        });
    }

    public PodView update(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<PodAddressing> addressing,
            Optional<AllocationState> allocationState) {
        return operations.update(
                caller,
                Pod.class,
                id,
                name,
                (session, pod) -> {
                    addressing.ifPresent(a -> pod.setAddressing(a.gateway(), a.netmask(), a.startIp(), a.endIp()));
                    allocationState.ifPresent(pod::setAllocationState);
                },
                PodService::view);
    }

    public List<PodView> list(Caller caller, Optional<UUID> zoneId) {
        return operations.list(caller, Pod.class, zoneId, PodService::view);
    }

    public PodView get(Caller caller, UUID id) {
        return operations.get(caller, Pod.class, id, PodService::view);
    }

    public void delete(Caller caller, UUID id) {
        operations.delete(caller, Pod.class, id, store::podContents, (session, pod) -> {});
    }

    private static PodView view(Pod pod) {
        Optional<PodAddressing> addressing = pod.getGateway() == null
                ? Optional.empty()
                : Optional.of(new PodAddressing(pod.getGateway(), pod.getNetmask(), pod.getStartIp(), pod.getEndIp()));
        return new PodView(
                pod.getUuid(),
                pod.getName(),
                pod.getZone().getUuid(),
                pod.getZone().getName(),
                addressing,
                pod.getAllocationState());
    }
}
