package io.weft.server.topology;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Zones: only root changes them, everyone sees the enabled ones, bad input names its parameter. */
class ZoneServiceTest extends TopologyTest {
    @Test
    void onlyRootChangesTopologyButEveryoneSeesEnabledZones() {
        ZoneView enabled = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        ZoneView disabled = zones.create(root, ZoneSpec.advanced("zone-2", "8.8.8.8", 1, 100));
        zones.update(root, disabled.id(), ZoneUpdate.none().withAllocationState(AllocationState.DISABLED));

        assertThat(zones.list(tenant)).extracting(ZoneView::id).containsExactly(enabled.id());
        assertCode(() -> zones.get(tenant, disabled.id()), ErrorCode.NOT_FOUND);
        assertCode(
                () -> zones.create(tenant, ZoneSpec.advanced("zone-3", "8.8.8.8", 1, 100)),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> zones.delete(tenant, enabled.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> hosts.list(tenant, Optional.empty()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void invalidZonesAreRefusedWithTheParameterAtFault() {
        ZoneView zone = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        assertCode(() -> zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100)), ErrorCode.DUPLICATE);
        assertCode(() -> zones.create(root, ZoneSpec.advanced(" ", "8.8.8.8", 1, 100)), ErrorCode.MISSING_PARAMETER);
        assertCode(
                () -> zones.create(root, ZoneSpec.advanced("x".repeat(256), "8.8.8.8", 1, 100)),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> zones.create(root, ZoneSpec.advanced("z", "dns.example.com", 1, 100)),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> zones.update(
                        root,
                        zone.id(),
                        ZoneUpdate.none()
                                .withSegmentRanges(List.of(
                                        new SegmentRange(IsolationType.VXLAN, 1, 100),
                                        new SegmentRange(IsolationType.VXLAN, 100, 200)))),
                ErrorCode.INVALID_PARAMETER);
    }
}
