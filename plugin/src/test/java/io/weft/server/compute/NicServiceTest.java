package io.weft.server.compute;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewNetwork;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NicServiceTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    NetworkView network;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        network = fx.networks
                .create(fx.alice, NewNetwork.of(fx.zone, "web", "10.1.0.0/24").withIpv6("2001:db8:1::/64"))
                .value();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aStandaloneNicIsAttachedBoundDetachedAndDeleted() {
        NicView nic = fx.nics
                .create(
                        fx.alice,
                        Optional.empty(),
                        NicSpec.on(network.id())
                                .withGroups()
                                .withMac("02:aa:bb:cc:dd:ee")
                                .withAddressPairs(
                                        AddressPairSpec.of("10.1.0.200/32"), AddressPairSpec.of("192.168.0.0/24")))
                .value();
        assertThat(nic.groups()).isEmpty();
        assertThat(nic.vmId()).isEmpty();
        assertThat(nic.ipv6Address()).contains("2001:db8:1:0:aa:bbff:fecc:ddee");
        assertThat(nic.addressPairs())
                .extracting(AddressPairSpec::ipAddress)
                .containsExactly("10.1.0.200", "192.168.0.0/24");

        VirtualMachineView vm =
                fx.vms.register(fx.alice, NewVirtualMachine.of(fx.zone, "vm")).value();
        fx.vms.start(fx.root, vm.id(), fx.host1);
        int before = fx.changes().size();
        NicView attached =
                fx.nics.attach(fx.alice, nic.id(), vm.id(), Optional.empty()).value();
        assertThat(attached.vmId()).contains(vm.id());
        assertThat(attached.hostId()).contains(fx.host1);
        assertThat(attached.isDefault()).isTrue();
        fx.assertFailsUnchanged(() -> fx.nics.delete(fx.alice, nic.id()), ErrorCode.IN_USE);
        NicView detached = fx.nics.detach(fx.alice, nic.id()).value();
        assertThat(detached.hostId()).isEmpty();
        fx.nics.delete(fx.alice, nic.id());
        assertThat(fx.changesAfter(before))
                .containsExactly(
                        record("nic", List.of(nic.id()), false),
                        record("nic", List.of(nic.id()), true),
                        record("nic", List.of(nic.id()), true));
        // The MAC and address are free again.
        assertThat(fx.nics
                        .create(
                                fx.alice,
                                Optional.empty(),
                                NicSpec.on(network.id()).withMac("02:aa:bb:cc:dd:ee"))
                        .value()
                        .ipAddress())
                .contains("10.1.0.2");
    }

    @Test
    void portSecurityAndSourceDestCheckTightenWhenTurnedOn() {
        NicView nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups())
                .value();
        int before = fx.changes().size();
        assertThat(fx.nics.setPortSecurity(fx.alice, nic.id(), false).value().portSecurity())
                .isFalse();
        assertThat(fx.nics.setPortSecurity(fx.alice, nic.id(), true).value().portSecurity())
                .isTrue();
        assertThat(fx.nics.setSourceDestCheck(fx.alice, nic.id(), false).value().sourceDestCheck())
                .isFalse();
        assertThat(fx.changesAfter(before))
                .containsExactly(
                        record("nic", List.of(nic.id()), false),
                        record("nic", List.of(nic.id()), true),
                        record("nic", List.of(nic.id()), false));
    }

    @Test
    void bindingToAHostIsForRootAndTheHostMustBeInTheZone() {
        NicView nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups())
                .value();
        fx.assertFailsUnchanged(() -> fx.nics.bind(fx.alice, nic.id(), fx.host1), ErrorCode.PERMISSION_DENIED);
        fx.assertFailsUnchanged(
                () -> fx.nics.bind(fx.root, nic.id(), java.util.UUID.randomUUID()), ErrorCode.NOT_FOUND);
        assertThat(fx.nics.bind(fx.root, nic.id(), fx.host2).value().hostId()).contains(fx.host2);
        assertThat(fx.nics.unbind(fx.alice, nic.id()).value().hostId()).isEmpty();
    }

    @Test
    void groupsAreNamedByTheOwnersNames() {
        fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("web"));
        NicView nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups(GroupRef.name("web")))
                .value();
        assertThat(nic.groups()).extracting(NicView.GroupSummary::name).containsExactly("web");
        fx.assertFailsUnchanged(
                () -> fx.nics.create(
                        fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups(GroupRef.name("nope"))),
                ErrorCode.NOT_FOUND);
    }
}
