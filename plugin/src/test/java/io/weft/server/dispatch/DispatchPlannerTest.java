package io.weft.server.dispatch;

import static io.weft.server.dispatch.FleetFixtures.group;
import static io.weft.server.dispatch.FleetFixtures.host;
import static io.weft.server.dispatch.FleetFixtures.network;
import static io.weft.server.dispatch.FleetFixtures.nic;
import static io.weft.server.dispatch.FleetFixtures.nicWithIps;
import static io.weft.server.dispatch.FleetFixtures.tcpFrom;
import static io.weft.server.dispatch.FleetFixtures.tcpFromCidr;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpFamily;
import io.weft.server.dispatch.FleetChange.PutGroup;
import io.weft.server.dispatch.FleetChange.PutHost;
import io.weft.server.dispatch.FleetChange.PutNetwork;
import io.weft.server.dispatch.FleetChange.PutNic;
import io.weft.server.dispatch.FleetChange.RemoveHost;
import io.weft.server.dispatch.FleetChange.RemoveNic;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchPlannerTest {
    private static final int HOSTS = 10;

    private final HostMessageCodec codec = new HostMessageCodec();
    private final Map<String, SimulatedAgent> agents = new HashMap<>();
    private DispatchPlanner planner;

    /**
     * Ten hosts on one network. Group "web" admits TCP 80 from members of "lb"; web members sit on
     * hosts 1-3, lb members on hosts 4-5, plain NICs (group "other", which references nothing) on
     * hosts 6-10.
     */
    @BeforeEach
    void tenHostFleet() {
        planner = new DispatchPlanner(1, new FleetModel());
        List<FleetChange> changes = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            changes.add(new PutHost(host(h)));
        }
        changes.add(new PutNetwork(network(1)));
        changes.add(new PutGroup(group("web", tcpFrom(80, "lb")), false));
        changes.add(new PutGroup(group("lb", tcpFromCidr(443, "0.0.0.0/0")), false));
        changes.add(new PutGroup(group("other", tcpFromCidr(22, "10.0.0.0/8")), false));
        for (int h = 1; h <= HOSTS; h++) {
            String groupId = h <= 3 ? "web" : h <= 5 ? "lb" : "other";
            changes.add(new PutNic(nic(h, 1, h, groupId)));
        }
        deliver(planner.apply(changes));
    }

    @Test
    void membershipChangeOfAnUnboundNicReachesExactlyTheHostsReferencingTheGroupInASmallDelta() {
        List<HostUpdate> updates = planner.apply(List.of(new PutNic(nic(100, 1, null, "lb"))));

        assertThat(hostsOf(updates)).containsExactly("h1", "h2", "h3");
        for (HostUpdate update : updates) {
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            assertThat(update.deletes()).isEmpty();
            assertThat(update.upserts()).singleElement().satisfies(e -> assertThat(e.kind())
                    .isEqualTo("ipset-member"));
            assertThat(codec.encodeBytes(update).length).isLessThan(400);
        }
        deliver(updates);
        assertIncrementalEqualsRecompute();
    }

    @Test
    void joiningAGroupReachesTheReferencingHostsAndTheNicsOwnHostOnly() {
        List<HostUpdate> updates = planner.apply(List.of(new PutNic(nic(8, 1, 8, "other", "lb"))));

        assertThat(hostsOf(updates)).containsExactly("h1", "h2", "h3", "h8");
        for (HostUpdate update : updates) {
            if (!update.hostId().equals("h8")) {
                assertThat(update.upserts()).singleElement().satisfies(e -> assertThat(e.kind())
                        .isEqualTo("ipset-member"));
                assertThat(codec.encodeBytes(update).length).isLessThan(400);
            }
        }
        deliver(updates);
        assertIncrementalEqualsRecompute();
    }

    @Test
    void membershipChangeAwayFromEveryHostsNetworksPatchesTheReferencingHostsWithoutRecompiling() {
        deliver(planner.apply(List.of(new PutNetwork(network(2)))));

        DispatchPlan plan = planner.plan(List.of(new PutNic(nic(100, 2, null, "lb"))));

        assertThat(plan.patched()).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(plan.recompiled()).isEmpty();
        assertThat(hostsOf(plan.updates())).containsExactly("h1", "h2", "h3");
        for (HostUpdate update : plan.updates()) {
            assertThat(update.upserts()).singleElement().satisfies(e -> assertThat(e.fields())
                    .containsExactly(GroupSets.setName("lb", IpFamily.IPV4), "10.1.0.102"));
        }
        deliver(plan.updates());
        assertIncrementalEqualsRecompute();

        plan = planner.plan(List.of(new RemoveNic("nic100")));
        assertThat(plan.patched()).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(plan.updates()).allSatisfy(u -> assertThat(u.deletes()).hasSize(1));
        deliver(plan.updates());
        assertIncrementalEqualsRecompute();
    }

    @Test
    void anAddressLeavesTheSetOnlyWithTheLastMemberHoldingIt() {
        deliver(planner.apply(List.of(new PutNetwork(network(2)))));
        List<String> shared = List.of("10.9.0.1");
        deliver(planner.apply(List.of(
                new PutNic(nicWithIps(100, 2, null, shared, "lb")),
                new PutNic(nicWithIps(101, 2, null, shared, "lb")))));

        DispatchPlan firstLeaves = planner.plan(List.of(new RemoveNic("nic100")));
        assertThat(firstLeaves.patched()).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(firstLeaves.updates()).isEmpty();

        List<HostUpdate> lastLeaves = planner.apply(List.of(new PutNic(nicWithIps(101, 2, null, shared, "other"))));
        assertThat(hostsOf(lastLeaves)).containsExactly("h1", "h2", "h3");
        assertThat(lastLeaves).allSatisfy(u -> assertThat(u.deletes()).hasSize(1));
        deliver(lastLeaves);
        assertIncrementalEqualsRecompute();
    }

    @Test
    void aHostOnTheChangedNicsNetworkRecompilesEvenWhenItAlsoReferencesTheGroup() {
        DispatchPlan plan = planner.plan(List.of(new PutNic(nic(100, 1, null, "lb"))));

        assertThat(plan.recompiled()).contains("h1", "h2", "h3");
        assertThat(plan.patched()).isEmpty();
        deliver(plan.updates());
        assertIncrementalEqualsRecompute();
    }

    @Test
    void manyChangesToOneHostCoalesceIntoOneMessage() {
        List<HostUpdate> updates = planner.apply(List.of(
                new PutNic(nic(200, 1, null, "lb")),
                new PutNic(nic(201, 1, null, "lb")),
                new PutNic(nic(202, 1, null, "lb")),
                new RemoveNic("nic201")));

        assertThat(updates).hasSize(3);
        assertThat(updates).allSatisfy(u -> assertThat(u.upserts()).hasSize(2));
        deliver(updates);
        assertIncrementalEqualsRecompute();
    }

    @Test
    void changeThatAltersNoHostSendsNothing() {
        assertThat(planner.apply(List.of(new PutGroup(group("unused", tcpFromCidr(22, "10.0.0.0/8")), false))))
                .isEmpty();
        assertThat(planner.apply(List.of(new PutNic(nic(5, 1, 5, "lb"))))).isEmpty();
    }

    @Test
    void removingAHostWithdrawsItFromEveryPeer() {
        List<HostUpdate> updates = planner.apply(List.of(new RemoveHost("h10")));

        assertThat(hostsOf(updates))
                .containsExactlyInAnyOrderElementsOf(Set.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"));
        deliver(updates);
        assertIncrementalEqualsRecompute();
        assertThat(planner.compile("h10")).isEmpty();
    }

    @Test
    void revocationsAreDispatchedBeforeLoosenings() {
        List<HostUpdate> updates = planner.apply(List.of(
                new PutNic(nic(300, 1, 9, "other")), // loosens: a new NIC on h9
                new PutGroup(group("web"), true))); // tightens: web loses its rule (h1-h3)

        assertThat(hostsOf(updates).subList(0, 3)).containsExactly("h1", "h2", "h3");
        deliver(updates);
        assertIncrementalEqualsRecompute();
    }

    @Test
    void fullAfterDeltasMovesTheGenerationForwardAndCarriesTheSameState() {
        deliver(planner.apply(List.of(new PutNic(nic(400, 1, 2, "web")))));
        HostUpdate full = planner.full("h2").orElseThrow();

        assertThat(full.kind()).isEqualTo(UpdateKind.FULL);
        SimulatedAgent fresh = new SimulatedAgent();
        fresh.apply(full);
        assertThat(fresh.state()).isEqualTo(planner.compile("h2").orElseThrow());
    }

    private void deliver(List<HostUpdate> updates) {
        for (HostUpdate update : updates) {
            agents.computeIfAbsent(update.hostId(), h -> new SimulatedAgent()).apply(update);
        }
    }

    private void assertIncrementalEqualsRecompute() {
        for (String hostId : planner.fleet().hostIds()) {
            assertThat(agents.get(hostId).state())
                    .as("state of %s built by deltas", hostId)
                    .isEqualTo(planner.compile(hostId).orElseThrow());
        }
    }

    private static List<String> hostsOf(List<HostUpdate> updates) {
        return updates.stream().map(HostUpdate::hostId).collect(Collectors.toList());
    }
}
