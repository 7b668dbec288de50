package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TopologyResponses.ClusterResponse;
import io.weft.server.api.cloudstack.commands.TopologyResponses.HostResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.ClusterService;
import io.weft.server.topology.HostService;
import io.weft.server.topology.ManagedState;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code updateCluster}, {@code updateHost}, {@code prepareHostForMaintenance} and {@code
 * cancelHostMaintenance}: what Ansible's {@code cs_cluster} and {@code cs_host} call on a re-run and
 * on removal. A host in maintenance gets no new VMs; Weft has nothing to drain, so it reaches
 * Maintenance at once (CloudStack passes through PrepareForMaintenance while it migrates VMs).
 */
final class HostOperationCommands {
    private HostOperationCommands() {}

    static final class UpdateCluster extends SyncCommand {
        private final ClusterService clusters;

        @Inject
        UpdateCluster(ClusterService clusters) {
            super("updateCluster");
            this.clusters = requireNonNull(clusters, "clusters is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<AllocationState> allocation = Enums.parse(params, "allocationstate", AllocationState::parse);
            if (allocation.filter(state -> state == AllocationState.MAINTENANCE).isPresent()) {
                throw params.invalid(
                        "allocationstate", params.get("allocationstate").orElseThrow());
            }
            return CloudStackResult.object(
                    "cluster",
                    ClusterResponse.of(clusters.update(
                            caller,
                            params.requiredUuid("id"),
                            params.get("clustername"),
                            allocation,
                            Enums.parse(params, "managedstate", ManagedState::parse))));
        }
    }

    /** {@code allocationstate} is Enable or Disable here, where other objects take Enabled/Disabled. */
    static final class UpdateHost extends SyncCommand {
        private final HostService hosts;

        @Inject
        UpdateHost(HostService hosts) {
            super("updateHost");
            this.hosts = requireNonNull(hosts, "hosts is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<AllocationState> state = params.get("allocationstate")
                    .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                        case "enable", "enabled" -> AllocationState.ENABLED;
                        case "disable", "disabled" -> AllocationState.DISABLED;
                        default -> throw params.invalid("allocationstate", value);
                    });
            return CloudStackResult.object(
                    "host",
                    HostResponse.of(hosts.update(
                            caller, params.requiredUuid("id"), params.get("name"), Optional.empty(), state)));
        }
    }

    /** Async in CloudStack; the host, with its new {@code resourcestate}, is the job's result. */
    abstract static class SetResourceState extends JobCommand {
        private final HostService hosts;
        private final AllocationState state;

        SetResourceState(String name, HostService hosts, AllocationState state) {
            super(name, "Host", "id");
            this.hosts = requireNonNull(hosts, "hosts is null");
            this.state = requireNonNull(state, "state is null");
        }

        @Override
        public final JobOutcome run(Caller caller, Params params) {
            return JobOutcome.untracked(CloudStackResult.object(
                    "host",
                    HostResponse.of(hosts.update(
                            caller,
                            params.requiredUuid("id"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(state)))));
        }
    }

    static final class PrepareMaintenance extends SetResourceState {
        @Inject
        PrepareMaintenance(HostService hosts) {
            super("prepareHostForMaintenance", hosts, AllocationState.MAINTENANCE);
        }
    }

    static final class CancelMaintenance extends SetResourceState {
        @Inject
        CancelMaintenance(HostService hosts) {
            super("cancelHostMaintenance", hosts, AllocationState.ENABLED);
        }
    }
}
