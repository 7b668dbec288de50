package io.weft.server.topology;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hosts: the agent credential is returned once and stored encrypted; bad hosts are refused. */
class HostServiceTest extends TopologyTest {
    @Test
    void theAgentSecretIsReturnedOnceAndStoredEncrypted() {
        ZoneView zone = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        AddedHost added = hosts.add(
                root,
                new HostSpec(zone.id(), Optional.empty(), Optional.empty(), "kvm-1", "10.0.0.1", HypervisorType.KVM));
        String stored = fixture.database.sessionFactory().fromTransaction(session -> store.find(
                        session, Host.class, added.host().id())
                .orElseThrow()
                .getEncryptedAgentSecret());
        assertThat(stored).doesNotContain(added.credential().secret());
        assertThat(fixture.cipher.decrypt(stored)).isEqualTo(added.credential().secret());
        assertThat(added.host().agentUser()).isEqualTo(added.credential().user());
    }

    @Test
    void invalidHostsAreRefusedWithTheParameterAtFault() {
        ZoneView zone = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 1, 100));
        hosts.add(
                root,
                new HostSpec(zone.id(), Optional.empty(), Optional.empty(), "kvm-1", "10.0.0.1", HypervisorType.KVM));
        assertCode(
                () -> hosts.add(
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
                () -> hosts.add(
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
                () -> hosts.add(
                        root,
                        new HostSpec(
                                UUID.randomUUID(),
                                Optional.empty(),
                                Optional.empty(),
                                "kvm-4",
                                "10.0.0.4",
                                HypervisorType.KVM)),
                ErrorCode.NOT_FOUND);
        ClusterView xen = clusters.add(
                root,
                new ClusterSpec(
                        zone.id(), Optional.empty(), "xen", HypervisorType.XEN_SERVER, ClusterType.CLOUD_MANAGED));
        assertCode(
                () -> hosts.add(
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
}
