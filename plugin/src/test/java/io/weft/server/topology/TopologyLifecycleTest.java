package io.weft.server.topology;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A zone, pod, cluster and host through their whole life, each by its own service. */
class TopologyLifecycleTest extends TopologyTest {
    @Test
    void aZonePodClusterAndHostAreCreatedListedUpdatedAndDeletedInOrder() {
        ZoneView zone = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5999));
        PodView pod = pods.create(
                root,
                zone.id(),
                "pod-1",
                Optional.of(new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.0.10", "192.168.0.200")),
                AllocationState.ENABLED);
        ClusterView cluster = clusters.add(
                root,
                new ClusterSpec(
                        zone.id(), Optional.of(pod.id()), "cluster-1", HypervisorType.KVM, ClusterType.CLOUD_MANAGED));
        AddedHost added = hosts.add(
                root,
                new HostSpec(
                        zone.id(),
                        Optional.empty(),
                        Optional.of(cluster.id()),
                        "kvm-1",
                        "192.168.0.11",
                        HypervisorType.KVM));

        assertThat(added.host().podId()).contains(pod.id());
        assertThat(added.host().state()).isEqualTo(HostState.CONNECTING);
        assertThat(added.credential().user()).isEqualTo("host-" + added.host().id());
        assertThat(grants)
                .containsExactly(added.host().id() + " host-" + added.host().id());
        assertThat(hostChangeRecords())
                .containsExactly("{\"ids\":[\"" + added.host().id() + "\"],\"tightens\":false}");
        assertThat(hosts.list(root, Optional.of(zone.id())))
                .extracting(HostView::name)
                .containsExactly("kvm-1");
        assertThat(pods.list(root, Optional.empty())).extracting(PodView::name).containsExactly("pod-1");
        assertThat(clusters.list(root, Optional.of(zone.id()))).hasSize(1);
        assertThat(zones.get(root, zone.id()).segmentRanges())
                .containsExactly(new SegmentRange(IsolationType.VXLAN, 5000, 5999));

        ZoneView renamed = zones.update(
                root,
                zone.id(),
                ZoneUpdate.none()
                        .withName("zone-one")
                        .withSegmentRanges(List.of(
                                new SegmentRange(IsolationType.VXLAN, 5000, 5999),
                                new SegmentRange(IsolationType.VLAN, 100, 199))));
        assertThat(renamed.name()).isEqualTo("zone-one");
        assertThat(renamed.segmentRanges()).hasSize(2);
        assertThat(hosts.update(
                                root,
                                added.host().id(),
                                Optional.empty(),
                                Optional.of("192.168.0.12"),
                                Optional.empty())
                        .tunnelAddress())
                .isEqualTo("192.168.0.12");

        // Containers that still hold something stay.
        assertCode(() -> zones.delete(root, zone.id()), ErrorCode.IN_USE);
        assertCode(() -> pods.delete(root, pod.id()), ErrorCode.IN_USE);
        assertCode(() -> clusters.delete(root, cluster.id()), ErrorCode.IN_USE);
        assertThat(revocations).isEmpty();
        hosts.delete(root, added.host().id());
        // The deleted host's agent is taken off the broker.
        assertThat(revocations)
                .containsExactly(added.host().id() + " host-" + added.host().id());
        clusters.delete(root, cluster.id());
        pods.delete(root, pod.id());
        zones.delete(root, zone.id());
        assertThat(zones.list(root)).isEmpty();
    }

    private List<String> hostChangeRecords() {
        return fixture.database.sessionFactory().fromTransaction(session -> session.createQuery(
                        "select payload from ChangeRecord where kind = 'host' order by id", String.class)
                .list());
    }
}
