package io.weft.server.dispatch;

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
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The fleet of the tests that check what a NIC's change record does to what the dispatcher
 * compiles: alice's VMs {@code a} (host1, 10.9.0.5) and {@code b} (host2, 10.9.0.6) in one group
 * {@code web} that admits its own members, so each host holds the other's address in web's set;
 * and the fleet model the dispatcher built from the store, which the test moves on record by record
 * ({@link #follow}) or compares with a whole load ({@link #loaded}).
 */
final class WebGroupFleet implements AutoCloseable {
    final NetworkFixture fx;
    final VirtualMachineView a;
    private final FleetStore store = new FleetStore(DispatchSettings.defaults());
    private final FleetModel followed = new FleetModel();
    private final String web;

    WebGroupFleet(Path dir) {
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
        a = vmOn(fx.host1, "a", network, "10.9.0.5");
        vmOn(fx.host2, "b", network, "10.9.0.6");
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(followed)));
    }

    /** VM {@code a}'s only NIC. */
    UUID nicOfA() {
        return a.nics().get(0).id();
    }

    FleetModel followed() {
        return followed;
    }

    /** What the dispatcher does with a {@code nic} change record. */
    void follow(UUID nic, boolean tightens) {
        fx.sessions.inTransaction(
                session -> store.nics(session, List.of(nic), tightens).forEach(change -> change.apply(followed)));
    }

    /** The whole fleet loaded afresh, as a dispatcher taking over builds it. */
    FleetModel loaded() {
        FleetModel fleet = new FleetModel();
        fx.sessions.inTransaction(session -> store.loadAll(session).forEach(change -> change.apply(fleet)));
        return fleet;
    }

    /** The members of web's set in {@code host}'s model. */
    List<IpAddress> membersSeenBy(FleetModel fleet, UUID host) {
        return host(fleet, host).groupMembers().getOrDefault(web, List.of());
    }

    HostModel host(FleetModel fleet, UUID host) {
        return HostModelBuilder.build(fleet, host.toString()).orElseThrow();
    }

    private VirtualMachineView vmOn(UUID host, String name, NetworkView network, String ip) {
        VirtualMachineView vm = fx.vms
                .register(
                        fx.alice,
                        NewVirtualMachine.of(
                                fx.zone,
                                name,
                                NicSpec.on(network.id()).withIp(ip).withGroups(GroupRef.name("web"))))
                .value();
        fx.vms.start(fx.root, vm.id(), host);
        return vm;
    }

    @Override
    public void close() {
        fx.close();
    }
}
