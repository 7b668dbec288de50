package io.weft.server.tenancy;

import static io.weft.server.network.NetworkFixture.record;
import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.error.ErrorCode;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.tags.TaggedType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting an account with cleanup takes what every higher feature keeps for it, through the
 * features' own {@link AccountResources}, and records one fleet change naming the hosts that lost
 * something; the zone and hosts those resources live in are in use until then.
 */
class AccountCleanupTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void cleanupDeletesEveryFeaturesRowsOfTheAccountAndRecordsTheHostsThatLostSomething() {
        NetworkView network = fx.network(fx.alice, "net", "10.1.0.0/24");
        SecurityGroupView web =
                fx.groups.create(fx.alice, NewSecurityGroup.cloudStack("web")).value();
        UUID vm = fx.vms
                .register(fx.alice, NewVirtualMachine.of(fx.zone, "vm", NicSpec.on(network.id())))
                .value()
                .id();
        fx.vms.start(fx.root, vm, fx.host1);
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("tier", "web"));
        // bob's group db lets alice's web in; bob's NIC in db sits on host2, which loses that rule.
        NetworkView bobsNetwork = fx.network(fx.bob, "bob-net", "10.2.0.0/24");
        SecurityGroupView db =
                fx.groups.create(fx.bob, NewSecurityGroup.cloudStack("db")).value();
        // Only someone who sees both accounts may name another account's group.
        fx.groups.authorize(
                fx.root,
                db.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(5432, 5432).fromGroups(new GroupRef.ByName(Optional.of("alice"), "web"))));
        UUID bobsVm = fx.vms
                .register(
                        fx.bob,
                        NewVirtualMachine.of(
                                fx.zone, "db-vm", NicSpec.on(bobsNetwork.id()).withGroups(new GroupRef.ById(db.id()))))
                .value()
                .id();
        fx.vms.start(fx.root, bobsVm, fx.host2);

        assertCode(() -> fx.zones.delete(fx.root, fx.zone), ErrorCode.IN_USE);
        assertCode(() -> fx.hosts.delete(fx.root, fx.host1), ErrorCode.IN_USE);
        assertCode(() -> fx.tenancy.accounts.delete(fx.root, fx.alice.accountId(), false), ErrorCode.IN_USE);
        int before = fx.changes().size();
        fx.tenancy.accounts.delete(fx.root, fx.alice.accountId(), true);

        assertThat(fx.changesAfter(before))
                .containsExactly(record(ChangeKind.FLEET.stored(), List.of(fx.host1, fx.host2), true));
        for (String entity :
                List.of("Network", "NetworkScope", "VirtualMachine", "Nic", "SecurityGroup", "ResourceTag")) {
            assertThat(count("select count(*) from " + entity + " where account.uuid = :id", fx.alice.accountId()))
                    .as(entity)
                    .isZero();
        }
        assertThat(count("select count(*) from SecurityGroupRule where remoteGroup.uuid = :id", web.id()))
                .isZero();
        assertThat(count("select count(*) from SecurityGroup where uuid = :id", db.id()))
                .isOne();
        fx.hosts.delete(fx.root, fx.host1);
    }

    private long count(String hql, UUID id) {
        return fx.sessions.fromTransaction(session -> session.createSelectionQuery(hql, Long.class)
                .setParameter("id", id)
                .getSingleResult());
    }
}
