package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TopologyResponses.ClusterResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.ClusterService;
import io.weft.server.topology.ClusterSpec;
import io.weft.server.topology.ClusterType;
import io.weft.server.topology.ClusterView;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.ManagedState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code addCluster}, {@code listClusters}, {@code deleteCluster}. */
final class ClusterCommands {
    private ClusterCommands() {}

    static final class Add extends SyncCommand {
        private final ClusterService clusters;

        @Inject
        Add(ClusterService clusters) {
            super("addCluster");
            this.clusters = requireNonNull(clusters, "clusters is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            ClusterSpec spec = new ClusterSpec(
                    params.requiredUuid("zoneid"),
                    params.uuid("podid"),
                    params.required("clustername"),
                    Enums.required(params, "hypervisor", HypervisorType::parse),
                    Enums.required(params, "clustertype", ClusterType::parse));
            // A ListResponse, {"count":1,"cluster":[{…}]}, as CloudStack's AddClusterCmd answers.
            return CloudStackResult.list("cluster", List.of(ClusterResponse.of(clusters.add(caller, spec))), 1);
        }
    }

    static final class ListCommand extends SyncCommand {
        private final ClusterService clusters;
        private final ApiConfig api;

        @Inject
        ListCommand(ClusterService clusters, ApiConfig api) {
            super("listClusters");
            this.clusters = requireNonNull(clusters, "clusters is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<UUID> pod = params.uuid("podid");
            Optional<HypervisorType> hypervisor = Enums.parse(params, "hypervisor", HypervisorType::parse);
            Optional<ClusterType> type = Enums.parse(params, "clustertype", ClusterType::parse);
            Optional<AllocationState> state = Enums.parse(params, "allocationstate", AllocationState::parse);
            Optional<ManagedState> managed = Enums.parse(params, "managedstate", ManagedState::parse);
            return Listing.of(
                    "cluster",
                    clusters.list(caller, params.uuid("zoneid")),
                    params,
                    api,
                    ClusterView::id,
                    ClusterView::name,
                    cluster -> pod.map(p -> cluster.podId().equals(Optional.of(p)))
                                    .orElse(true)
                            && hypervisor
                                    .map(h -> h == cluster.hypervisorType())
                                    .orElse(true)
                            && type.map(t -> t == cluster.clusterType()).orElse(true)
                            && state.map(s -> s == cluster.allocationState()).orElse(true)
                            && managed.map(m -> m == cluster.managedState()).orElse(true),
                    ClusterResponse::of);
        }
    }

    static final class Delete extends SyncCommand {
        private final ClusterService clusters;

        @Inject
        Delete(ClusterService clusters) {
            super("deleteCluster");
            this.clusters = requireNonNull(clusters, "clusters is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            clusters.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
