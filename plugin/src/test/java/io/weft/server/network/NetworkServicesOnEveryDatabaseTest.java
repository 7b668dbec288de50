package io.weft.server.network;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.error.ErrorCode;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.SecurityGroupView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key flows on H2, PostgreSQL and MariaDB: the V2 migration, unique keys, bulk deletes and the
 * choice of a migration's destination host.
 */
class NetworkServicesOnEveryDatabaseTest {
    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aVpcSubnetVmAndRulesLiveAndDieTogether(DatabaseVendor vendor) {
        try (NetworkFixture fx = new NetworkFixture(vendor, dataDirectory)) {
            ScopeView vpc =
                    fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
            NetworkView subnet = fx.networks
                    .create(fx.alice, NewNetwork.of(fx.zone, "a", "10.0.1.0/28").inScope(vpc.id()))
                    .value();
            SecurityGroupView web = fx.groups
                    .create(fx.alice, NewSecurityGroup.ec2("web", "web", vpc.id()))
                    .value();
            fx.groups.authorize(
                    fx.alice,
                    web.id(),
                    RuleDirection.INGRESS,
                    List.of(RuleRequest.tcp(80, 80).fromCidrs("0.0.0.0/0").fromGroups(GroupRef.id(web.id()))));
            fx.assertFailsUnchanged(
                    () -> fx.groups.authorize(
                            fx.alice,
                            web.id(),
                            RuleDirection.INGRESS,
                            List.of(RuleRequest.tcp(80, 80).fromCidrs("0.0.0.0/0"))),
                    ErrorCode.DUPLICATE);
            VirtualMachineView vm = fx.vms
                    .register(
                            fx.alice,
                            NewVirtualMachine.of(
                                    fx.zone,
                                    "vm",
                                    NicSpec.on(subnet.id()).withIp("10.0.1.9").withGroups(GroupRef.id(web.id()))))
                    .value();
            fx.assertFailsUnchanged(
                    () -> fx.vms.register(
                            fx.alice,
                            NewVirtualMachine.of(
                                    fx.zone, "vm2", NicSpec.on(subnet.id()).withIp("10.0.1.9"))),
                    ErrorCode.DUPLICATE);
            fx.assertFailsUnchanged(() -> fx.groups.delete(fx.alice, web.id()), ErrorCode.IN_USE);
            fx.heartbeat(fx.host2);
            VirtualMachineView moved = fx.vms
                    .migrate(
                            fx.root,
                            fx.vms.start(fx.root, vm.id(), fx.host1).value().id(),
                            Optional.empty())
                    .value();
            assertThat(moved.hostId()).contains(fx.host2);

            int before = fx.changes().size();
            fx.vms.destroy(fx.alice, vm.id());
            fx.groups.delete(fx.alice, web.id());
            fx.networks.delete(fx.alice, subnet.id(), false);
            fx.scopes.delete(fx.alice, vpc.id());
            assertThat(fx.changesAfter(before))
                    .containsExactly(
                            record("nic", List.of(vm.nics().get(0).id()), true),
                            record("group", List.of(web.id()), true),
                            record("network", List.of(subnet.id()), true),
                            record("group", List.of(vpc.defaultGroupId().orElseThrow()), true));
        }
    }
}
