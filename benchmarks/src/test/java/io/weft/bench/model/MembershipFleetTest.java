package io.weft.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.dispatch.DispatchPlan;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatch benchmark's change must reach the referencing hosts as one-entry DELTAs, nothing more. */
class MembershipFleetTest {
    private final FleetShape shape = new FleetShape(12, 2, 4, 3);

    @Test
    void loadSendsEveryHostOneFull() {
        MembershipFleet fleet = MembershipFleet.load(shape);

        assertThat(fleet.initialUpdates()).hasSize(shape.hosts()).allSatisfy(update -> assertThat(update.kind())
                .isEqualTo(UpdateKind.FULL));
    }

    @Test
    void leavingTheGroupDeletesOneMemberOnEachReferencingHost() {
        MembershipFleet fleet = MembershipFleet.load(shape);

        List<HostUpdate> updates = fleet.planner().apply(List.of(fleet.nextMembershipChange()));

        List<HostUpdate> referencing = others(fleet, updates);
        assertThat(referencing).hasSize(shape.referencingHosts()).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            assertThat(update.upserts()).isEmpty();
            assertThat(update.deletes()).singleElement().asString().endsWith("/" + fleet.flippingAddress());
        });
    }

    @Test
    void joiningTheGroupAddsOneMemberOnEachReferencingHost() {
        MembershipFleet fleet = MembershipFleet.load(shape);
        fleet.planner().apply(List.of(fleet.nextMembershipChange()));

        List<HostUpdate> updates = fleet.planner().apply(List.of(fleet.nextMembershipChange()));

        assertThat(others(fleet, updates)).hasSize(shape.referencingHosts()).allSatisfy(update -> {
            assertThat(update.deletes()).isEmpty();
            assertThat(update.upserts())
                    .singleElement()
                    .extracting(WireEntry::fields)
                    .satisfies(fields -> assertThat(fields)
                            .last()
                            .isEqualTo(fleet.flippingAddress().toString()));
        });
    }

    @Test
    void everyDeltaLeavesTheHostWithTheStateAFreshCompileGives() {
        MembershipFleet fleet = MembershipFleet.load(shape);

        List<HostUpdate> updates = fleet.planner().apply(List.of(fleet.nextMembershipChange()));

        assertThat(updates).allSatisfy(update -> assertThat(update.desiredHash())
                .isEqualTo(
                        fleet.planner().compile(update.hostId()).orElseThrow().hash()));
    }

    @Test
    void theReferencingHostsArePatchedAndOnlyTheNicsOwnHostRecompiles() {
        MembershipFleet fleet = MembershipFleet.load(shape);

        DispatchPlan plan = fleet.planner().plan(List.of(fleet.nextMembershipChange()));

        // What the benchmark measures: the hosts holding the big set never recompile, and the NIC's
        // network peers do not either (they hold nothing of its groups): only its own host does.
        assertThat(plan.patched()).hasSize(shape.referencingHosts());
        assertThat(plan.recompiled()).containsExactly(fleet.flippingHostId());
    }

    private static List<HostUpdate> others(MembershipFleet fleet, List<HostUpdate> updates) {
        return updates.stream()
                .filter(update -> !update.hostId().equals(fleet.flippingHostId()))
                .toList();
    }
}
