package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.AllocationState;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneView;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * DescribeRegions and DescribeAvailabilityZones: availability zones are Weft zones, by name, in the region the request was
 * signed for; not paginated.
 */
final class AvailabilityZoneActions implements Ec2Action.Family {
    private final ZoneService zoneService;

    @Inject
    AvailabilityZoneActions(ZoneService zoneService) {
        this.zoneService = requireNonNull(zoneService, "zoneService is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("DescribeAvailabilityZones", this::describe),
                new Ec2Action("DescribeRegions", AvailabilityZoneActions::regions));
    }

    private void describe(Ec2Call call, XmlOut out) {
        Set<String> names = Set.copyOf(call.params().list("ZoneName"));
        Set<String> ids = Set.copyOf(call.params().list("ZoneId"));
        Ec2Filters filters = call.filters();
        // The region the client signed for: it checks the zones are in the region it asked for.
        String region = call.region();
        List<ZoneView> zones = zoneService.list(call.caller()).stream()
                .filter(zone -> names.isEmpty() || names.contains(zone.name()))
                .filter(zone -> ids.isEmpty() || ids.contains(zone.id().toString()))
                .filter(zone -> filters.matches(new Ec2Attributes()
                        .put("zone-name", zone.name())
                        .put("zone-id", zone.id().toString())
                        .put("zone-type", "availability-zone")
                        .put("state", state(zone))
                        .put("region-name", region)
                        .asMap()))
                .toList();
        out.set("availabilityZoneInfo", zones, (xml, zone) -> xml.leaf("zoneName", zone.name())
                .leaf("zoneId", zone.id().toString())
                .leaf("zoneState", state(zone))
                .leaf("regionName", region)
                .leaf("zoneType", "availability-zone")
                .leaf("optInStatus", "opt-in-not-required")
                .set("messageSet", List.<String>of(), (m, text) -> m.leaf("message", text)));
    }

    /** Weft is one region, which is called what the request was signed for. */
    private static void regions(Ec2Call call, XmlOut out) {
        String region = call.region();
        Set<String> names = Set.copyOf(call.params().list("RegionName"));
        boolean listed = (names.isEmpty() || names.contains(region))
                && call.filters()
                        .matches(new Ec2Attributes()
                                .put("region-name", region)
                                .put("opt-in-status", "opt-in-not-required")
                                .asMap());
        out.set("regionInfo", listed ? List.of(region) : List.<String>of(), (xml, name) -> xml.leaf("regionName", name)
                .leaf("optInStatus", "opt-in-not-required"));
    }

    private static String state(ZoneView zone) {
        return zone.allocationState() == AllocationState.ENABLED ? "available" : "unavailable";
    }
}
