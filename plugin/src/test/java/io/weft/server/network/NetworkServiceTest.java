package io.weft.server.network;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.error.ErrorCode;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.topology.IsolationType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkServiceTest {
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
    void aNetworkGetsTheLowestFreeSegmentIdAndTheFirstAddressAsGateway() {
        int before = fx.changes().size();
        Mutation<NetworkView> created = fx.networks.create(fx.alice, NewNetwork.of(fx.zone, "web", "10.1.0.0/24"));
        NetworkView network = created.value();

        assertThat(network.isolation()).isEqualTo(IsolationType.VXLAN);
        assertThat(network.segmentId()).contains(5000L);
        assertThat(network.gateway()).isEqualTo("10.1.0.1");
        assertThat(network.netmask()).isEqualTo("255.255.255.0");
        assertThat(network.startIp()).isEqualTo("10.1.0.2");
        assertThat(network.endIp()).isEqualTo("10.1.0.254");
        assertThat(network.availableAddresses()).isEqualTo(253);
        assertThat(network.accountId()).isEqualTo(fx.alice.accountId());
        assertThat(fx.network(fx.alice, "db", "10.2.0.0/24").segmentId()).contains(5001L);
        assertThat(fx.changesAfter(before).get(0)).isEqualTo(record("network", List.of(network.id()), false));
        assertThat(created.changeIds()).hasSize(1);
    }

    @Test
    void segmentIdsRunOutWithCapacityExhaustedAndNothingRecorded() {
        for (int i = 0; i < 10; i++) {
            fx.network(fx.alice, "net-" + i, "10.0." + i + ".0/24");
        }
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.alice, NewNetwork.of(fx.zone, "one-too-many", "10.9.0.0/24")),
                ErrorCode.CAPACITY_EXHAUSTED);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.alice,
                        NewNetwork.of(fx.zone, "vlan", "10.9.0.0/24")
                                .withIsolation(IsolationType.VLAN, Optional.empty())),
                ErrorCode.CAPACITY_EXHAUSTED);
    }

    @Test
    void aRequestedSegmentIdMustBeInTheZoneRangesAndFreeAndOnlyTheRootAdminMayAskForOne() {
        NewNetwork request = NewNetwork.of(fx.zone, "pinned", "10.1.0.0/24");
        NewNetwork forAlice = request.forAccount(fx.alice.accountId());
        NewNetwork forBob = request.forAccount(fx.bob.accountId());
        assertThat(fx.networks
                        .create(fx.root, forAlice.withIsolation(IsolationType.VXLAN, Optional.of(5007L)))
                        .value()
                        .segmentId())
                .contains(5007L);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.root, forBob.withIsolation(IsolationType.VXLAN, Optional.of(5007L))),
                ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.root, forBob.withIsolation(IsolationType.VXLAN, Optional.of(9000L))),
                ErrorCode.INVALID_PARAMETER);
        // The segment is the operator's to give: a tenant asking for a free one is refused too.
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.bob, request.withIsolation(IsolationType.VXLAN, Optional.of(5008L))),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void aGuestRangeAndIpv6AreKeptAndBadAddressingIsRejected() {
        NetworkView network = fx.networks
                .create(
                        fx.alice,
                        NewNetwork.of(fx.zone, "ranged", "10.1.0.0/24")
                                .withGuestRange("10.1.0.254", "10.1.0.100", "10.1.0.109")
                                .withIpv6("2001:db8:1::/64"))
                .value();
        assertThat(network.gateway()).isEqualTo("10.1.0.254");
        assertThat(network.startIp()).isEqualTo("10.1.0.100");
        assertThat(network.availableAddresses()).isEqualTo(10);
        assertThat(network.ipv6Gateway()).contains("2001:db8:1::1");
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.alice, NewNetwork.of(fx.zone, "host-bits", "10.1.0.5/24")),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(fx.alice, NewNetwork.of(fx.zone, "v6", "2001:db8::/64")),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.alice,
                        NewNetwork.of(fx.zone, "gw", "10.1.0.0/24").withGuestRange("10.2.0.1", "10.1.0.2", "10.1.0.9")),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void networksOfAScopeMustLieInsideItAndNotOverlap() {
        ScopeView vpc = fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
        NetworkView subnet = fx.networks
                .create(fx.alice, NewNetwork.of(fx.zone, "a", "10.0.1.0/24").inScope(vpc.id()))
                .value();
        // EC2 keeps the first four addresses of a subnet.
        assertThat(subnet.startIp()).isEqualTo("10.0.1.4");
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.alice, NewNetwork.of(fx.zone, "b", "10.0.1.128/25").inScope(vpc.id())),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.alice, NewNetwork.of(fx.zone, "c", "10.1.0.0/24").inScope(vpc.id())),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.bob, NewNetwork.of(fx.zone, "d", "10.0.2.0/24").inScope(vpc.id())),
                ErrorCode.NOT_FOUND);
        assertThat(fx.networks
                        .list(fx.alice, NetworkQuery.all().inScope(vpc.id()), Page.ALL)
                        .items())
                .extracting(NetworkView::id)
                .containsExactly(subnet.id());
    }

    @Test
    void aNetworkWithNicsIsInUseUnlessAnAdminForcesTheDelete() {
        NetworkView network = fx.network(fx.alice, "web", "10.1.0.0/24");
        var nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()))
                .value();
        fx.assertFailsUnchanged(() -> fx.networks.delete(fx.alice, network.id(), false), ErrorCode.IN_USE);
        fx.assertFailsUnchanged(() -> fx.networks.delete(fx.alice, network.id(), true), ErrorCode.PERMISSION_DENIED);

        int before = fx.changes().size();
        fx.networks.delete(fx.root, network.id(), true);
        assertThat(fx.changesAfter(before))
                .containsExactly(
                        record("nic", List.of(nic.id()), true), record("network", List.of(network.id()), true));
        fx.assertFailsUnchanged(() -> fx.nics.get(fx.alice, nic.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void anEmptyNetworkIsDeletedAndItsSegmentIdReused() {
        NetworkView network = fx.network(fx.alice, "web", "10.1.0.0/24");
        int before = fx.changes().size();
        fx.networks.delete(fx.alice, network.id(), false);
        assertThat(fx.changesAfter(before)).containsExactly(record("network", List.of(network.id()), true));
        assertThat(fx.network(fx.alice, "again", "10.1.0.0/24").segmentId()).contains(5000L);
    }

    @Test
    void anotherTenantSeesNoneOfAlicesNetworks() {
        NetworkView network = fx.network(fx.alice, "web", "10.1.0.0/24");
        fx.assertFailsUnchanged(() -> fx.networks.get(fx.bob, network.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> fx.networks.update(fx.bob, network.id(), Optional.of("mine"), Optional.empty()),
                ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> fx.networks.delete(fx.bob, network.id(), false), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> fx.vms.register(fx.bob, NewVirtualMachine.of(fx.zone, "vm", NicSpec.on(network.id()))),
                ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> fx.networks.create(
                        fx.bob, NewNetwork.of(fx.zone, "x", "10.0.0.0/24").forAccount(fx.alice.accountId())),
                ErrorCode.NOT_FOUND);
        assertThat(fx.networks.list(fx.bob, NetworkQuery.all(), Page.ALL).total())
                .isZero();
        assertThat(fx.networks.list(fx.root, NetworkQuery.all(), Page.ALL).total())
                .isEqualTo(1);
    }

    @Test
    void listsFilterByKeywordAndIdsAndPageWithATotal() {
        for (String name : List.of("web-1", "web-2", "db-1", "web-3")) {
            fx.network(fx.alice, name, "10.0.0.0/24");
        }
        Paged<NetworkView> page = fx.networks.list(fx.alice, NetworkQuery.all().withKeyword("WEB"), Page.number(2, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(NetworkView::name).containsExactly("web-3");
        NetworkView db = fx.networks
                .list(fx.alice, NetworkQuery.all().withKeyword("db"), Page.ALL)
                .items()
                .get(0);
        assertThat(fx.networks
                        .list(fx.alice, NetworkQuery.all().withIds(Set.of(db.id())), Page.ALL)
                        .items())
                .containsExactly(db);
    }

    @Test
    void anUpdateRenamesAndIsRecorded() {
        NetworkView network = fx.network(fx.alice, "web", "10.1.0.0/24");
        int before = fx.changes().size();
        NetworkView renamed = fx.networks
                .update(fx.alice, network.id(), Optional.of("www"), Optional.of("the web tier"))
                .value();
        assertThat(renamed.name()).isEqualTo("www");
        assertThat(renamed.displayText()).contains("the web tier");
        assertThat(fx.changesAfter(before)).containsExactly(record("network", List.of(network.id()), false));
    }
}
