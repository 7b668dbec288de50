package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.LocalNic;
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
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NIC's secondary private addresses (EC2 AssignPrivateIpAddresses) reach the hosts as addresses of
 * the NIC: its own host lets them out, and the peers see them as members of the NIC's groups, both
 * when the dispatcher follows the change record and when it loads the whole fleet; unassigned, they
 * are gone again.
 */
class SecondaryAddressFleetTest {
    @TempDir
    Path dir;

    private NetworkFixture fx;
    private final FleetStore store = new FleetStore(DispatchSettings.defaults());
    private final FleetModel followed = new FleetModel();
    private String web;
    private UUID nic;

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
        nic = vmOn(fx.host1, "a", network, "10.9.0.5");
        vmOn(fx.host2, "b", network, "10.9.0.6");
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(followed)));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void secondaryAddressesAreAddressesOfTheNicOnItsHostAndInItsGroups() {
        int before = fx.changes().size();
        List<String> assigned = fx.nics
                .assignSecondaryAddresses(fx.alice, nic, List.of("10.9.0.50"), 1)
                .value()
                .assigned();
        assertThat(assigned).hasSize(2).startsWith("10.9.0.50");
        IpAddress picked = IpAddress.parse(assigned.get(1));
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), false));
        follow(false);

        for (FleetModel fleet : List.of(followed, loaded())) {
            assertThat(localNic(fleet).ips())
                    .containsExactly(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.50"), picked);
            assertThat(membersSeenBy(fleet, fx.host2))
                    .containsExactlyInAnyOrder(
                            IpAddress.parse("10.9.0.5"),
                            IpAddress.parse("10.9.0.6"),
                            IpAddress.parse("10.9.0.50"),
                            picked);
        }

        before = fx.changes().size();
        fx.nics.unassignSecondaryAddresses(fx.alice, nic, List.of("10.9.0.50", picked.toString()));
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), true));
        follow(true);
        for (FleetModel fleet : List.of(followed, loaded())) {
            assertThat(localNic(fleet).ips()).containsExactly(IpAddress.parse("10.9.0.5"));
            assertThat(membersSeenBy(fleet, fx.host2))
                    .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
        }
    }

    private UUID vmOn(UUID host, String name, NetworkView network, String ip) {
        VirtualMachineView vm = fx.vms
                .register(
                        fx.alice,
                        NewVirtualMachine.of(
                                fx.zone,
                                name,
                                NicSpec.on(network.id()).withIp(ip).withGroups(GroupRef.name("web"))))
                .value();
        fx.vms.start(fx.root, vm.id(), host);
        return vm.nics().get(0).id();
    }

    private void follow(boolean tightens) {
        fx.sessions.inTransaction(
                session -> store.nics(session, List.of(nic), tightens).forEach(change -> change.apply(followed)));
    }

    private FleetModel loaded() {
        FleetModel fleet = new FleetModel();
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(fleet)));
        return fleet;
    }

    private LocalNic localNic(FleetModel fleet) {
        HostModel model = HostModelBuilder.build(fleet, fx.host1.toString()).orElseThrow();
        return model.nics().stream()
                .filter(local -> local.nicId().equals(nic.toString()))
                .findFirst()
                .orElseThrow();
    }

    private List<IpAddress> membersSeenBy(FleetModel fleet, UUID host) {
        HostModel model = HostModelBuilder.build(fleet, host.toString()).orElseThrow();
        return model.groupMembers().getOrDefault(web, List.of());
    }
}
