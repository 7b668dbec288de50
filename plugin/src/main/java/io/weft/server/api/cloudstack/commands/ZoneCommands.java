package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TopologyResponses.ZoneResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.NetworkType;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import io.weft.server.topology.ZoneUpdate;
import io.weft.server.topology.ZoneView;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code createZone}, {@code listZones}, {@code updateZone}, {@code deleteZone}. */
final class ZoneCommands {
    /**
     * CloudStack's createZone names no segment ranges (those belong to physical networks, which
     * Weft does not model), so a zone made through this API can use every id of each isolation.
     */
    static final java.util.List<SegmentRange> DEFAULT_SEGMENT_RANGES = java.util.List.of(
            new SegmentRange(IsolationType.VXLAN, 1000, IsolationType.VXLAN.maxSegment()),
            new SegmentRange(IsolationType.GRE, 1000, IsolationType.GRE.maxSegment()),
            new SegmentRange(IsolationType.VLAN, 100, IsolationType.VLAN.maxSegment()));

    private ZoneCommands() {}

    static final class Create extends SyncCommand {
        private final ZoneService zones;

        @Inject
        Create(ZoneService zones) {
            super("createZone");
            this.zones = requireNonNull(zones, "zones is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            ZoneSpec spec = new ZoneSpec(
                    params.required("name"),
                    Enums.required(params, "networktype", NetworkType::parse),
                    params.required("dns1"),
                    params.get("dns2"),
                    params.required("internaldns1"),
                    params.get("internaldns2"),
                    params.bool("securitygroupenabled", true),
                    Enums.parse(params, "allocationstate", AllocationState::parse)
                            .orElse(AllocationState.ENABLED),
                    params.get("guestcidraddress"),
                    DEFAULT_SEGMENT_RANGES);
            return CloudStackResult.object("zone", ZoneResponse.of(zones.create(caller, spec)));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final ZoneService zones;
        private final ApiConfig api;

        @Inject
        ListCommand(ZoneService zones, ApiConfig api) {
            super("listZones");
            this.zones = requireNonNull(zones, "zones is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Set<UUID> ids =
                    params.list("ids").stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet());
            Optional<NetworkType> type = Enums.parse(params, "networktype", NetworkType::parse);
            boolean onlyAvailable = params.bool("available", false);
            return Listing.of(
                    "zone",
                    zones.list(caller),
                    params,
                    api,
                    ZoneView::id,
                    ZoneView::name,
                    zone -> (ids.isEmpty() || ids.contains(zone.id()))
                            && type.map(t -> t == zone.networkType()).orElse(true)
                            && (!onlyAvailable || zone.allocationState() == AllocationState.ENABLED),
                    ZoneResponse::of);
        }
    }

    static final class Update extends SyncCommand {
        private final ZoneService zones;

        @Inject
        Update(ZoneService zones) {
            super("updateZone");
            this.zones = requireNonNull(zones, "zones is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            ZoneUpdate update = new ZoneUpdate(
                    params.get("name"),
                    params.get("dns1"),
                    params.get("dns2"),
                    params.get("internaldns1"),
                    params.get("internaldns2"),
                    Enums.parse(params, "allocationstate", AllocationState::parse),
                    params.get("guestcidraddress"),
                    Optional.empty());
            return CloudStackResult.object(
                    "zone", ZoneResponse.of(zones.update(caller, params.requiredUuid("id"), update)));
        }
    }

    static final class Delete extends SyncCommand {
        private final ZoneService zones;

        @Inject
        Delete(ZoneService zones) {
            super("deleteZone");
            this.zones = requireNonNull(zones, "zones is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            zones.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
