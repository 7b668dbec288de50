package io.weft.server.topology;

import static io.weft.server.topology.TopologyOperations.checkIp;
import static io.weft.server.topology.TopologyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Zones: root admins create, change and delete them; everyone may list and get the enabled ones, as
 * in CloudStack (tenants pick a zone for their networks). A zone that still holds something cannot be
 * deleted (IN_USE).
 */
public final class ZoneService {
    private final TopologyOperations operations;
    private final TopologyStore store;
    private final Clock clock;

    @Inject
    ZoneService(TopologyOperations operations, TopologyStore store, Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ZoneView create(Caller caller, ZoneSpec spec) {
        operations.requireRootAdmin(caller);
        String name = checkName(spec.name());
        checkIp("dns1", spec.dns1());
        spec.dns2().ifPresent(dns -> checkIp("dns2", dns));
        checkIp("internaldns1", spec.internalDns1());
        spec.internalDns2().ifPresent(dns -> checkIp("internaldns2", dns));
        spec.guestCidr().ifPresent(ZoneService::checkCidr);
        checkDisjoint(spec.segmentRanges());
        return operations.write(session -> {
            if (store.findZoneByName(session, name).isPresent()) {
                throw new WeftException(ErrorCode.DUPLICATE, "zone " + name + " already exists");
            }
            Zone zone = new Zone(
                    UUID.randomUUID(), name, spec.networkType(), spec.dns1(), spec.internalDns1(), clock.instant());
            zone.setDns2(spec.dns2().orElse(null));
            zone.setInternalDns2(spec.internalDns2().orElse(null));
            zone.setSecurityGroupsEnabled(spec.securityGroupsEnabled());
            zone.setAllocationState(spec.allocationState());
            zone.setGuestCidr(spec.guestCidr().orElse(null));
            zone.replaceSegmentRanges(spec.segmentRanges());
            store.persist(session, zone);
            return view(zone);
        });
    }

    /** Zone names are unique across the installation, not within a zone, so this is not the pods' update. */
    public ZoneView update(Caller caller, UUID id, ZoneUpdate update) {
        operations.requireRootAdmin(caller);
        update.dns1().ifPresent(dns -> checkIp("dns1", dns));
        update.dns2().ifPresent(dns -> checkIp("dns2", dns));
        update.internalDns1().ifPresent(dns -> checkIp("internaldns1", dns));
        update.internalDns2().ifPresent(dns -> checkIp("internaldns2", dns));
        update.guestCidr().ifPresent(ZoneService::checkCidr);
        update.segmentRanges().ifPresent(ZoneService::checkDisjoint);
        return operations.write(session -> {
            Zone zone = operations.find(session, Zone.class, id);
            if (update.name().isPresent()) {
                String name = checkName(update.name().get());
                if (store.findZoneByName(session, name)
                        .filter(other -> !other.equals(zone))
                        .isPresent()) {
                    throw new WeftException(ErrorCode.DUPLICATE, "zone " + name + " already exists");
                }
                zone.setName(name);
            }
            update.dns1().ifPresent(zone::setDns1);
            update.dns2().ifPresent(zone::setDns2);
            update.internalDns1().ifPresent(zone::setInternalDns1);
            update.internalDns2().ifPresent(zone::setInternalDns2);
            update.allocationState().ifPresent(zone::setAllocationState);
            update.guestCidr().ifPresent(zone::setGuestCidr);
            // Ranges only bound future allocations; networks keep the segment ids they already have.
            update.segmentRanges().ifPresent(zone::replaceSegmentRanges);
            session.flush();
            return view(zone);
        });
    }

    /** Every zone for root; the enabled ones for everyone else. */
    public List<ZoneView> list(Caller caller) {
        return operations.read(session -> store.listZones(session).stream()
                .filter(zone -> mayUse(caller, zone))
                .map(ZoneService::view)
                .toList());
    }

    public ZoneView get(Caller caller, UUID id) {
        return operations.read(session -> {
            Zone zone = store.find(session, Zone.class, id)
                    .filter(found -> mayUse(caller, found))
                    .orElseThrow(() -> WeftException.notFound("zone", id));
            return view(zone);
        });
    }

    public void delete(Caller caller, UUID id) {
        operations.delete(caller, Zone.class, id, store::zoneContents, (session, zone) -> {});
    }

    private static boolean mayUse(Caller caller, Zone zone) {
        return caller.isRootAdmin() || zone.getAllocationState() == AllocationState.ENABLED;
    }

    private static void checkCidr(String value) {
        if (!IpAddresses.isCidr(value)) {
            throw WeftException.invalid("guestcidraddress " + value + " is not a CIDR");
        }
    }

    /** Segment ranges of one type may not overlap: two networks would get the same segment id. */
    private static void checkDisjoint(List<SegmentRange> ranges) {
        List<SegmentRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(SegmentRange::type).thenComparingLong(SegmentRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw WeftException.invalid("segment ranges overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
    }

    private static ZoneView view(Zone zone) {
        return new ZoneView(
                zone.getUuid(),
                zone.getName(),
                zone.getNetworkType(),
                zone.getDns1(),
                Optional.ofNullable(zone.getDns2()),
                zone.getInternalDns1(),
                Optional.ofNullable(zone.getInternalDns2()),
                zone.isSecurityGroupsEnabled(),
                zone.getAllocationState(),
                Optional.ofNullable(zone.getGuestCidr()),
                zone.getSegmentRanges().stream().map(ZoneSegmentRange::toRange).toList());
    }
}
