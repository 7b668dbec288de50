package io.weft.server.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyServiceTest {
    @TempDir
    Path dataDirectory;

    TenancyFixture fixture;
    TopologyService topology;
    final List<String> grants = new ArrayList<>();
    Caller root;
    Caller tenant;

    @BeforeEach
    void start() {
        fixture = new TenancyFixture(DatabaseVendor.H2, dataDirectory);
        topology = new TopologyService(
                fixture.database.sessionFactory(),
                new TopologyStore(),
                fixture.authorizer,
                fixture.apiKeys,
                fixture.cipher,
                fixture.clock,
                new ChangeLog(fixture.clock),
                (host, user, secret) -> grants.add(host + " " + user));
        root = fixture.root;
        tenant = fixture.account(root, root.domainId(), "tenant", Role.USER);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aZonePodClusterAndHostAreCreatedListedUpdatedAndDeletedInOrder() {
        ZoneView zone = topology.createZone(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5999));
        PodView pod = topology.createPod(
                root,
                zone.id(),
                "pod-1",
                Optional.of(new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.0.10", "192.168.0.200")),
                AllocationState.ENABLED);
        ClusterView cluster = topology.addCluster(
                root,
                new ClusterSpec(
                        zone.id(), Optional.of(pod.id()), "cluster-1", HypervisorType.KVM, ClusterType.CLOUD_MANAGED));
        AddedHost added = topology.addHost(
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
        assertThat(topology.listHosts(root, Optional.of(zone.id())))
                .extracting(HostView::name)
                .containsExactly("kvm-1");
        assertThat(topology.listPods(root, Optional.empty()))
                .extracting(PodView::name)
                .containsExactly("pod-1");
        assertThat(topology.listClusters(root, Optional.of(zone.id()))).hasSize(1);
        assertThat(topology.getZone(root, zone.id()).segmentRanges())
                .containsExactly(new SegmentRange(IsolationType.VXLAN, 5000, 5999));

        ZoneView renamed = topology.updateZone(
                root,
                zone.id(),
                ZoneUpdate.none()
                        .withName("zone-one")
                        .withSegmentRanges(List.of(
                                new SegmentRange(IsolationType.VXLAN, 5000, 5999),
                                new SegmentRange(IsolationType.VLAN, 100, 199))));
        assertThat(renamed.name()).isEqualTo("zone-one");
        assertThat(renamed.segmentRanges()).hasSize(2);
        assertThat(topology.updateHost(
                                root,
                                added.host().id(),
                                Optional.empty(),
                                Optional.of("192.168.0.12"),
                                Optional.empty())
                        .tunnelAddress())
                .isEqualTo("192.168.0.12");

        // Containers that still hold something stay.
        assertCode(() -> topology.deleteZone(root, zone.id()), ErrorCode.IN_USE);
        assertCode(() -> topology.deletePod(root, pod.id()), ErrorCode.IN_USE);
        assertCode(() -> topology.deleteCluster(root, cluster.id()), ErrorCode.IN_USE);
        topology.deleteHost(root, added.host().id());
        topology.deleteCluster(root, cluster.id());
        topology.deletePod(root, pod.id());
        topology.deleteZone(root, zone.id());
        assertThat(topology.listZones(root)).isEmpty();
    }

    @Test
    void theAgentSecretIsReturnedOnceAndStoredEncrypted() {
        ZoneView zone = topology.createZone(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        AddedHost added = topology.addHost(
                root,
                new HostSpec(zone.id(), Optional.empty(), Optional.empty(), "kvm-1", "10.0.0.1", HypervisorType.KVM));
        String stored = fixture.database.sessionFactory().fromTransaction(session -> new TopologyStore()
                .find(session, Host.class, added.host().id())
                .orElseThrow()
                .getEncryptedAgentSecret());
        assertThat(stored).doesNotContain(added.credential().secret());
        assertThat(fixture.cipher.decrypt(stored)).isEqualTo(added.credential().secret());
        assertThat(added.host().agentUser()).isEqualTo(added.credential().user());
    }

    @Test
    void onlyRootChangesTopologyButEveryoneSeesEnabledZones() {
        ZoneView enabled = topology.createZone(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        ZoneView disabled = topology.createZone(root, ZoneSpec.advanced("zone-2", "8.8.8.8", 1, 100));
        topology.updateZone(root, disabled.id(), ZoneUpdate.none().withAllocationState(AllocationState.DISABLED));

        assertThat(topology.listZones(tenant)).extracting(ZoneView::id).containsExactly(enabled.id());
        assertCode(() -> topology.getZone(tenant, disabled.id()), ErrorCode.NOT_FOUND);
        assertCode(
                () -> topology.createZone(tenant, ZoneSpec.advanced("zone-3", "8.8.8.8", 1, 100)),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> topology.deleteZone(tenant, enabled.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> topology.listHosts(tenant, Optional.empty()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void invalidInputIsRefusedWithTheParameterAtFault() {
        ZoneView zone = topology.createZone(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        assertCode(
                () -> topology.createZone(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100)), ErrorCode.DUPLICATE);
        assertCode(
                () -> topology.createZone(root, ZoneSpec.advanced(" ", "8.8.8.8", 1, 100)),
                ErrorCode.MISSING_PARAMETER);
        assertCode(
                () -> topology.createZone(root, ZoneSpec.advanced("x".repeat(256), "8.8.8.8", 1, 100)),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> topology.createZone(root, ZoneSpec.advanced("z", "dns.example.com", 1, 100)),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> topology.updateZone(
                        root,
                        zone.id(),
                        ZoneUpdate.none()
                                .withSegmentRanges(List.of(
                                        new SegmentRange(IsolationType.VXLAN, 1, 100),
                                        new SegmentRange(IsolationType.VXLAN, 100, 200)))),
                ErrorCode.INVALID_PARAMETER);
        assertThatThrownBy(() -> new SegmentRange(IsolationType.VLAN, 1, 4095))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRange(IsolationType.VXLAN, 1L << 24, 1L << 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.0.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.1.10", "192.168.1.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.0.20", "192.168.0.10"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.15", "255.255.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.256", "255.255.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);

        topology.addHost(
                root,
                new HostSpec(zone.id(), Optional.empty(), Optional.empty(), "kvm-1", "10.0.0.1", HypervisorType.KVM));
        assertCode(
                () -> topology.addHost(
                        root,
                        new HostSpec(
                                zone.id(),
                                Optional.empty(),
                                Optional.empty(),
                                "kvm-2",
                                "10.0.0.1",
                                HypervisorType.KVM)),
                ErrorCode.DUPLICATE);
        assertCode(
                () -> topology.addHost(
                        root,
                        new HostSpec(
                                zone.id(),
                                Optional.empty(),
                                Optional.empty(),
                                "kvm-3",
                                "not-an-ip",
                                HypervisorType.KVM)),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> topology.addHost(
                        root,
                        new HostSpec(
                                UUID.randomUUID(),
                                Optional.empty(),
                                Optional.empty(),
                                "kvm-4",
                                "10.0.0.4",
                                HypervisorType.KVM)),
                ErrorCode.NOT_FOUND);
        ClusterView xen = topology.addCluster(
                root,
                new ClusterSpec(
                        zone.id(), Optional.empty(), "xen", HypervisorType.XEN_SERVER, ClusterType.CLOUD_MANAGED));
        assertCode(
                () -> topology.addHost(
                        root,
                        new HostSpec(
                                zone.id(),
                                Optional.empty(),
                                Optional.of(xen.id()),
                                "kvm-5",
                                "10.0.0.5",
                                HypervisorType.KVM)),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void addressesAndEnumsParseStrictly() {
        assertThat(IpAddresses.isIpv4("10.0.0.1")).isTrue();
        assertThat(IpAddresses.isIpv4("010.0.0.1")).isFalse();
        assertThat(IpAddresses.isIpv4("10.0.0")).isFalse();
        assertThat(IpAddresses.isIpv6("fd00::1")).isTrue();
        assertThat(IpAddresses.isIpv6("localhost")).isFalse();
        assertThat(IpAddresses.isCidr("10.1.0.0/16")).isTrue();
        assertThat(IpAddresses.isCidr("10.1.0.1/16")).isFalse();
        assertThat(IpAddresses.netmaskPrefix("255.255.254.0")).isEqualTo(23);
        assertThat(HypervisorType.parse("xenserver")).isEqualTo(HypervisorType.XEN_SERVER);
        assertThat(HypervisorType.parse("KVM")).isEqualTo(HypervisorType.KVM);
        assertThatThrownBy(() -> HypervisorType.parse("qemu")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WeftException.class, e -> assertThat(e.code())
                .as(e.getMessage())
                .isEqualTo(code));
    }

    private List<String> hostChangeRecords() {
        return fixture.database.sessionFactory().fromTransaction(session -> session.createQuery(
                        "select payload from ChangeRecord where kind = 'host' order by id", String.class)
                .list());
    }
}
