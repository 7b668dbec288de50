package io.weft.server.compute;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewNetwork;
import io.weft.server.network.NewScope;
import io.weft.server.network.ScopeView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.ClusterSpec;
import io.weft.server.topology.ClusterType;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualMachineServiceTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    NetworkView network;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory, NetworkLimits.DEFAULTS.withGroupsPerNic(2));
        network = fx.network(fx.alice, "web", "10.1.0.0/29");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private VirtualMachineView vm(String name, NicSpec... nics) {
        return fx.vms
                .register(fx.alice, NewVirtualMachine.of(fx.zone, name, nics))
                .value();
    }

    @Test
    void aVmWithoutGroupsGetsTheAccountsDefaultGroupAndAddressesFromThePool() {
        int before = fx.changes().size();
        Mutation<VirtualMachineView> registered = fx.vms.register(
                fx.alice, NewVirtualMachine.of(fx.zone, "vm-1", NicSpec.on(network.id()), NicSpec.on(network.id())));
        VirtualMachineView vm = registered.value();

        assertThat(vm.state()).isEqualTo(VmState.STOPPED);
        assertThat(vm.nics()).extracting(nic -> nic.ipAddress().orElseThrow()).containsExactly("10.1.0.2", "10.1.0.3");
        assertThat(vm.nics()).extracting(NicView::deviceIndex).containsExactly(Optional.of(0), Optional.of(1));
        assertThat(vm.nics()).extracting(NicView::isDefault).containsExactly(true, false);
        NicView nic = vm.nics().get(0);
        assertThat(nic.tapName()).hasSize(14).startsWith("tap").isEqualTo(TapNames.of(nic.id()));
        assertThat(nic.macAddress()).startsWith("02:");
        UUID defaultGroup = nic.groups().get(0).id();
        assertThat(nic.groups()).extracting(NicView.GroupSummary::name).containsExactly("default");
        assertThat(vm.nics().get(1).groups().get(0).id()).isEqualTo(defaultGroup);
        assertThat(fx.changesAfter(before))
                .containsExactly(
                        record("group", List.of(defaultGroup), false),
                        record("nic", vm.nics().stream().map(NicView::id).toList(), false));
        assertThat(registered.changeIds()).hasSize(2);

        // The second VM reuses the default group: only its NIC is recorded.
        before = fx.changes().size();
        VirtualMachineView second = vm("vm-2", NicSpec.on(network.id()));
        assertThat(fx.changesAfter(before))
                .containsExactly(record("nic", List.of(second.nics().get(0).id()), false));
    }

    @Test
    void takenFixedAddressesAndMacsAreDuplicatesAndNothingIsRecorded() {
        vm("vm-1", NicSpec.on(network.id()).withIp("10.1.0.5").withMac("02:00:00:00:00:05"));
        fx.assertFailsUnchanged(() -> vm("vm-2", NicSpec.on(network.id()).withIp("10.1.0.5")), ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(
                () -> vm("vm-2", NicSpec.on(network.id()).withMac("02:00:00:00:00:05")), ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(
                () -> vm("vm-2", NicSpec.on(network.id()).withIp("10.1.0.1")), ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> vm("vm-2", NicSpec.on(network.id()).withMac("01:00:5e:00:00:01")), ErrorCode.INVALID_PARAMETER);
        assertThat(fx.vms
                        .list(fx.alice, java.util.Set.of(), Optional.empty(), Page.ALL)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void addressesRunOutAndAreReleasedWhenTheVmIsDestroyed() {
        List<VirtualMachineView> vms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            vms.add(vm("vm-" + i, NicSpec.on(network.id())));
        }
        fx.assertFailsUnchanged(() -> vm("vm-5", NicSpec.on(network.id())), ErrorCode.CAPACITY_EXHAUSTED);

        int before = fx.changes().size();
        VirtualMachineView third = vms.get(2);
        fx.vms.destroy(fx.alice, third.id());
        assertThat(fx.changesAfter(before))
                .containsExactly(record("nic", List.of(third.nics().get(0).id()), true));
        assertThat(vm("vm-5", NicSpec.on(network.id())).nics().get(0).ipAddress())
                .contains("10.1.0.4");
        fx.assertFailsUnchanged(() -> fx.vms.get(fx.alice, third.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void aNicMayBeInAtMostTheConfiguredNumberOfGroups() {
        List<GroupRef> refs = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            refs.add(GroupRef.id(fx.groups
                    .create(fx.alice, NewSecurityGroup.cloudStack(name))
                    .value()
                    .id()));
        }
        fx.assertFailsUnchanged(
                () -> vm("vm", NicSpec.on(network.id()).withGroups(refs.toArray(GroupRef[]::new))),
                ErrorCode.LIMIT_EXCEEDED);
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()).withGroups(refs.get(0), refs.get(1)));
        fx.assertFailsUnchanged(() -> fx.vms.setGroups(fx.alice, vm.id(), refs), ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void startStopAndMigrateEachWriteOneNicRecord() {
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()), NicSpec.on(network.id()));
        List<UUID> nics = vm.nics().stream().map(NicView::id).toList();
        fx.assertFailsUnchanged(() -> fx.vms.start(fx.alice, vm.id(), fx.host1), ErrorCode.PERMISSION_DENIED);

        int before = fx.changes().size();
        VirtualMachineView running = fx.vms.start(fx.root, vm.id(), fx.host1).value();
        assertThat(running.state()).isEqualTo(VmState.RUNNING);
        assertThat(running.nics()).extracting(NicView::hostId).containsOnly(Optional.of(fx.host1));
        VirtualMachineView moved =
                fx.vms.migrate(fx.root, vm.id(), Optional.of(fx.host2)).value();
        assertThat(moved.nics()).extracting(NicView::hostId).containsOnly(Optional.of(fx.host2));
        VirtualMachineView stopped = fx.vms.stop(fx.alice, vm.id()).value();
        assertThat(stopped.nics()).extracting(NicView::hostId).containsOnly(Optional.empty());
        assertThat(fx.changesAfter(before))
                .containsExactly(record("nic", nics, false), record("nic", nics, false), record("nic", nics, true));
        fx.assertFailsUnchanged(
                () -> fx.vms.migrate(fx.root, vm.id(), Optional.of(fx.host1)), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void migratingWithoutAHostPicksAnUpEnabledHostOfTheVmsClusterWithTheFewestNicsElseOfItsZone() {
        UUID cluster = fx.clusters
                .add(
                        fx.root,
                        new ClusterSpec(fx.zone, Optional.empty(), "c1", HypervisorType.KVM, ClusterType.CLOUD_MANAGED))
                .id();
        UUID a = clusterHost(cluster, "kvm-a", "192.168.1.1");
        UUID b = clusterHost(cluster, "kvm-b", "192.168.1.2");
        UUID c = clusterHost(cluster, "kvm-c", "192.168.1.3");
        List.of(a, b, c, fx.host1).forEach(fx::heartbeat);
        VirtualMachineView busy = vm("busy", NicSpec.on(network.id()), NicSpec.on(network.id()));
        fx.vms.start(fx.root, busy.id(), b);
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()));
        fx.vms.start(fx.root, vm.id(), a);

        // c: in the cluster, no NICs; the zone's host1 has none either but is not in the cluster.
        int before = fx.changes().size();
        assertThat(fx.vms.migrate(fx.root, vm.id(), Optional.empty()).value().hostId())
                .contains(c);
        assertThat(fx.changesAfter(before))
                .containsExactly(record("nic", List.of(vm.nics().get(0).id()), false));
        // a, now empty, beats b with its two NICs once c is disabled.
        disable(c);
        assertThat(fx.vms.migrate(fx.root, vm.id(), Optional.empty()).value().hostId())
                .contains(a);
        // With no other candidate in the cluster, the zone: host1, since host2 has never been heard from.
        disable(b);
        assertThat(fx.vms.migrate(fx.root, vm.id(), Optional.empty()).value().hostId())
                .contains(fx.host1);
    }

    @Test
    void migratingWithoutAHostFailsWhenNoOtherHostIsUpEnabledAndOfTheSameHypervisor() {
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()));
        fx.vms.start(fx.root, vm.id(), fx.host1);
        fx.assertFailsUnchanged(() -> fx.vms.migrate(fx.root, vm.id(), Optional.empty()), ErrorCode.CAPACITY_EXHAUSTED);
        UUID xen = fx.hosts
                .add(
                        fx.root,
                        new HostSpec(
                                fx.zone,
                                Optional.empty(),
                                Optional.empty(),
                                "xen-1",
                                "192.168.1.9",
                                HypervisorType.XEN_SERVER))
                .host()
                .id();
        fx.heartbeat(xen);
        fx.heartbeat(fx.host2);
        disable(fx.host2);
        fx.assertFailsUnchanged(() -> fx.vms.migrate(fx.root, vm.id(), Optional.empty()), ErrorCode.CAPACITY_EXHAUSTED);
        // Placing is for root, whether or not a host is named.
        fx.assertFailsUnchanged(() -> fx.vms.migrate(fx.alice, vm.id(), Optional.empty()), ErrorCode.PERMISSION_DENIED);
    }

    private UUID clusterHost(UUID cluster, String name, String address) {
        return fx.hosts
                .add(
                        fx.root,
                        new HostSpec(
                                fx.zone, Optional.empty(), Optional.of(cluster), name, address, HypervisorType.KVM))
                .host()
                .id();
    }

    private void disable(UUID host) {
        fx.hosts.update(fx.root, host, Optional.empty(), Optional.empty(), Optional.of(AllocationState.DISABLED));
    }

    @Test
    void aVmRegisteredOnAHostIsRunningWithItsNicsBound() {
        VirtualMachineView vm = fx.vms
                .register(
                        fx.root,
                        NewVirtualMachine.of(fx.zone, "vm", NicSpec.on(network.id()))
                                .forAccount(fx.alice.accountId())
                                .onHost(fx.host1))
                .value();
        assertThat(vm.state()).isEqualTo(VmState.RUNNING);
        assertThat(vm.accountId()).isEqualTo(fx.alice.accountId());
        assertThat(vm.nics().get(0).hostId()).contains(fx.host1);
    }

    @Test
    void replacingTheGroupsOfAVmTightensOnlyWhenGroupsAreOnlyRemoved() {
        SecurityGroupView a =
                fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("a")).value();
        SecurityGroupView b =
                fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("b")).value();
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()).withGroups(GroupRef.id(a.id())));
        List<UUID> nics = List.of(vm.nics().get(0).id());

        int before = fx.changes().size();
        VirtualMachineView both = fx.vms
                .setGroups(fx.alice, vm.id(), List.of(GroupRef.id(a.id()), GroupRef.name("b")))
                .value();
        assertThat(both.nics().get(0).groups())
                .extracting(NicView.GroupSummary::id)
                .containsExactly(a.id(), b.id());
        fx.vms.setGroups(fx.alice, vm.id(), List.of(GroupRef.id(b.id())));
        assertThat(fx.changesAfter(before)).containsExactly(record("nic", nics, false), record("nic", nics, true));
    }

    @Test
    void aNicInAVpcDefaultsToTheVpcsDefaultGroupAndRejectsOtherScopesGroups() {
        ScopeView vpc = fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
        NetworkView subnet = fx.networks
                .create(
                        fx.alice,
                        NewNetwork.of(fx.zone, "subnet", "10.0.1.0/24").inScope(vpc.id()))
                .value();
        NicView eni = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(subnet.id()))
                .value();
        assertThat(eni.groups())
                .extracting(NicView.GroupSummary::id)
                .containsExactly(vpc.defaultGroupId().orElseThrow());
        assertThat(eni.ipAddress()).contains("10.0.1.4");
        SecurityGroupView unscoped = fx.groups
                .create(fx.alice, NewSecurityGroup.cloudStack("classic"))
                .value();
        fx.assertFailsUnchanged(
                () -> fx.nics.setGroups(fx.alice, eni.id(), List.of(GroupRef.id(unscoped.id()))),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void anotherTenantCannotSeeOrChangeAlicesVmsAndNics() {
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()));
        UUID nic = vm.nics().get(0).id();
        fx.assertFailsUnchanged(() -> fx.vms.get(fx.bob, vm.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> fx.vms.destroy(fx.bob, vm.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> fx.nics.get(fx.bob, nic), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> fx.nics.setGroups(fx.bob, nic, List.of()), ErrorCode.NOT_FOUND);
        SecurityGroupView bobs =
                fx.groups.create(fx.bob, NewSecurityGroup.cloudStack("bobs")).value();
        fx.assertFailsUnchanged(
                () -> fx.vms.setGroups(fx.alice, vm.id(), List.of(GroupRef.id(bobs.id()))), ErrorCode.NOT_FOUND);
        assertThat(fx.nics.list(fx.bob, NicQuery.all(), Page.ALL).total()).isZero();
    }

    @Test
    void nicsAreAddedAndRemovedButTheDefaultNicStays() {
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()));
        VirtualMachineView two =
                fx.vms.addNic(fx.alice, vm.id(), NicSpec.on(network.id())).value();
        assertThat(two.nics()).hasSize(2);
        UUID second = two.nics().get(1).id();
        fx.assertFailsUnchanged(
                () -> fx.vms.removeNic(fx.alice, vm.id(), two.nics().get(0).id()), ErrorCode.INVALID_PARAMETER);
        int before = fx.changes().size();
        assertThat(fx.vms.removeNic(fx.alice, vm.id(), second).value().nics()).hasSize(1);
        assertThat(fx.changesAfter(before)).containsExactly(record("nic", List.of(second), true));
    }

    @Test
    void anAddedNicGetsTheVmsGroupsUnlessItNamesItsOwn() {
        SecurityGroupView web =
                fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("web")).value();
        SecurityGroupView db =
                fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("db")).value();
        VirtualMachineView vm = vm("vm", NicSpec.on(network.id()).withGroups(GroupRef.id(web.id())));

        VirtualMachineView two =
                fx.vms.addNic(fx.alice, vm.id(), NicSpec.on(network.id())).value();
        assertThat(two.nics().get(1).groups())
                .extracting(NicView.GroupSummary::name)
                .containsExactly("web");
        VirtualMachineView three = fx.vms
                .addNic(fx.alice, vm.id(), NicSpec.on(network.id()).withGroups(GroupRef.id(db.id())))
                .value();
        assertThat(three.nics().get(2).groups())
                .extracting(NicView.GroupSummary::name)
                .containsExactly("db");
        assertThat(fx.groups
                        .list(fx.alice, GroupQuery.all().withNames(java.util.Set.of("default")), Page.ALL)
                        .total())
                .isZero();
    }
}
