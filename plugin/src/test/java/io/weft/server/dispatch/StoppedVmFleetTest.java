package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.service.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped VM's NICs are withdrawn from the fleet the dispatcher compiles: their addresses leave
 * the sets of the groups they were in on every other host, both when the dispatcher follows the
 * change record the stop wrote and when it loads the whole fleet; starting the VM brings them back.
 */
class StoppedVmFleetTest {
    @TempDir
    Path dir;

    private NetworkFixture fx;
    private final FleetStore store = new FleetStore(DispatchSettings.defaults());
    private final FleetModel followed = new FleetModel();
    private String web;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dir);
        NetworkView network = fx.network(fx.alice, "net", "10.9.0.0/24");
        UUID group = fx.groups
                .create(fx.alice, NewSecurityGroup.cloudStack("web"))
                .value()
                .id();
        web = group.toString();
        fx.groups.authorize(
                fx.alice,
                group,
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(80, 80).fromGroups(GroupRef.id(group))));
        vmOn(fx.host1, "a", network, "10.9.0.5");
        vmOn(fx.host2, "b", network, "10.9.0.6");
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(followed)));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aStoppedVmsAddressesLeaveThePeersSetsAndReturnWhenItStarts() {
        VirtualMachineView a = vmNamed("a");
        assertThat(membersSeenBy(followed, fx.host2)).contains(IpAddress.parse("10.9.0.5"));

        int before = fx.changes().size();
        fx.vms.stop(fx.alice, a.id());
        UUID nic = a.nics().get(0).id();
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), true));
        follow(nic, true);
        assertThat(membersSeenBy(followed, fx.host2)).containsExactly(IpAddress.parse("10.9.0.6"));
        assertThat(membersSeenBy(loaded(), fx.host2)).containsExactly(IpAddress.parse("10.9.0.6"));
        assertThat(HostModelBuilder.build(followed, fx.host1.toString())
                        .orElseThrow()
                        .nics())
                .isEmpty();

        fx.vms.start(fx.root, a.id(), Optional.empty());
        follow(nic, false);
        assertThat(membersSeenBy(followed, fx.host2))
                .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
        assertThat(membersSeenBy(loaded(), fx.host2))
                .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
    }

    private void vmOn(UUID host, String name, NetworkView network, String ip) {
        VirtualMachineView vm = fx.vms
                .register(
                        fx.alice,
                        NewVirtualMachine.of(
                                fx.zone,
                                name,
                                NicSpec.on(network.id()).withIp(ip).withGroups(GroupRef.name("web"))))
                .value();
        fx.vms.start(fx.root, vm.id(), host);
    }

    private VirtualMachineView vmNamed(String name) {
        return fx.vms.list(fx.alice, java.util.Set.of(), Optional.empty(), Page.ALL).items().stream()
                .filter(vm -> vm.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** What the dispatcher does with a {@code nic} change record. */
    private void follow(UUID nic, boolean tightens) {
        fx.sessions.inTransaction(
                session -> store.nics(session, List.of(nic), tightens).forEach(change -> change.apply(followed)));
    }

    private FleetModel loaded() {
        FleetModel fleet = new FleetModel();
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(fleet)));
        return fleet;
    }

    private List<IpAddress> membersSeenBy(FleetModel fleet, UUID host) {
        HostModel model = HostModelBuilder.build(fleet, host.toString()).orElseThrow();
        return model.groupMembers().getOrDefault(web, List.of());
    }
}
