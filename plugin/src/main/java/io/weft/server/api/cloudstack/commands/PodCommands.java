package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TopologyResponses.PodResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.PodAddressing;
import io.weft.server.topology.PodService;
import io.weft.server.topology.PodView;
import jakarta.inject.Inject;
import java.util.Optional;

/** {@code createPod}, {@code listPods}, {@code updatePod}, {@code deletePod}. */
final class PodCommands {
    private PodCommands() {}

    /** The pod's addressing when any of its four parameters is given; all four are then needed. */
    static Optional<PodAddressing> addressing(Params params) {
        boolean any = params.get("gateway").isPresent()
                || params.get("netmask").isPresent()
                || params.get("startip").isPresent()
                || params.get("endip").isPresent();
        if (!any) {
            return Optional.empty();
        }
        String start = params.required("startip");
        // CloudStack lets endip default to startip: a pod with one management address.
        return Optional.of(new PodAddressing(
                params.required("gateway"),
                params.required("netmask"),
                start,
                params.get("endip").orElse(start)));
    }

    static final class Create extends SyncCommand {
        private final PodService pods;

        @Inject
        Create(PodService pods) {
            super("createPod");
            this.pods = requireNonNull(pods, "pods is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            PodView pod = pods.create(
                    caller,
                    params.requiredUuid("zoneid"),
                    params.required("name"),
                    addressing(params),
                    Enums.parse(params, "allocationstate", AllocationState::parse)
                            .orElse(AllocationState.ENABLED));
            return CloudStackResult.object("pod", PodResponse.of(pod));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final PodService pods;
        private final ApiConfig api;

        @Inject
        ListCommand(PodService pods, ApiConfig api) {
            super("listPods");
            this.pods = requireNonNull(pods, "pods is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<AllocationState> state = Enums.parse(params, "allocationstate", AllocationState::parse);
            return Listing.of(
                    "pod",
                    pods.list(caller, params.uuid("zoneid")),
                    params,
                    api,
                    PodView::id,
                    PodView::name,
                    pod -> state.map(s -> s == pod.allocationState()).orElse(true),
                    PodResponse::of);
        }
    }

    static final class Update extends SyncCommand {
        private final PodService pods;

        @Inject
        Update(PodService pods) {
            super("updatePod");
            this.pods = requireNonNull(pods, "pods is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            PodView pod = pods.update(
                    caller,
                    params.requiredUuid("id"),
                    params.get("name"),
                    addressing(params),
                    Enums.parse(params, "allocationstate", AllocationState::parse));
            return CloudStackResult.object("pod", PodResponse.of(pod));
        }
    }

    static final class Delete extends SyncCommand {
        private final PodService pods;

        @Inject
        Delete(PodService pods) {
            super("deletePod");
            this.pods = requireNonNull(pods, "pods is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            pods.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
