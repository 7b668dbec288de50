package io.weft.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.MemberBlock;
import io.weft.server.dispatch.DispatchPlan;
import io.weft.server.dispatch.DispatchPlanner;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.SentState;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on a scaled-down generated cloud with its widely referenced big group (every NIC
 * in it, its set held on two hosts in three): each group's members are held once however many hosts
 * reference it, the four everyday changes and their undoing keep every host's state equal to a
 * fresh compile, a membership change sends small DELTAs only to the hosts it concerns, and a
 * take-over with every agent in sync sends no FULL.
 */
class ScenarioDispatchTest {
    /** 60 hosts × 5 NICs, a network per 10 hosts, 80 groups; the big group referenced on 40 hosts. */
    private static final ScenarioShape SHAPE = new ScenarioShape("CI", 60, 5, 10, 80, 10, 3, 5, 40);

    private static final HostMessageCodec CODEC = new HostMessageCodec();

    private final Scenario scenario = ScenarioGenerator.generate(SHAPE, 7);
    private final String bigSet =
            GroupSets.setName(scenario.group(Scenario.BIG_GROUP).name(), IpFamily.IPV4);
    private DispatchPlanner planner;
    private final Map<String, String> loadedHashes = new TreeMap<>();

    @BeforeEach
    void load() {
        planner = new DispatchPlanner(1, FleetModel.of(ScenarioFleet.changes(scenario)));
        assertThat(planner.prepare()).isEqualTo(SHAPE.hosts());
        for (String hostId : planner.fleet().hostIds()) {
            HostUpdate full = planner.full(hostId).orElseThrow();
            assertThat(full.kind()).isEqualTo(UpdateKind.FULL);
            loadedHashes.put(hostId, full.desiredHash());
        }
        assertEveryHostEqualsAFreshCompile();
    }

    @Test
    void eachGroupsMembersAreHeldOnceHoweverManyHostsReferenceIt() {
        Map<String, Set<MemberBlock>> blocksBySet = blocksBySet();
        assertThat(blocksBySet)
                .isNotEmpty()
                .allSatisfy((set, blocks) -> assertThat(blocks).as(set).hasSize(1));

        MemberBlock big = blocksBySet.get(bigSet).iterator().next();
        assertThat(big.size()).isEqualTo(SHAPE.nics());
        assertThat(hostsHolding(bigSet)).isEqualTo(frontHosts());
        Set<String> members = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String hostId : planner.fleet().hostIds()) {
            MemberBlock held = sentState(hostId).memberBlocks().get(bigSet);
            if (held != null) {
                members.addAll(held.members());
            }
        }
        assertThat(members).hasSize(SHAPE.nics());
    }

    @Test
    void everyChangeAndItsUndoingLeaveEachHostAsAFreshCompileWouldMakeIt() {
        for (ScenarioChanges.Undoable change : ScenarioChanges.of(scenario, planner.fleet())) {
            Map<String, String> before = hashes();
            DispatchPlan forward = planner.plan(List.of(change.forward()));
            assertSentOnlyWhatChanged(change.name(), forward, before);
            assertEveryHostEqualsAFreshCompile();

            Map<String, String> between = hashes();
            DispatchPlan undo = planner.plan(List.of(change.undo()));
            assertSentOnlyWhatChanged(change.undoName(), undo, between);
            assertEveryHostEqualsAFreshCompile();
            assertThat(hashes()).as(change.undoName()).isEqualTo(loadedHashes);
            assertThat(blocksBySet())
                    .allSatisfy((set, blocks) -> assertThat(blocks).hasSize(1));
        }
    }

    @Test
    void aMembershipChangeSendsSmallDeltasOnlyToTheNicsHostAndTheHostsHoldingTheSet() {
        ScenarioChanges.Undoable membership =
                ScenarioChanges.of(scenario, planner.fleet()).get(0);
        String nicHost =
                ((FleetChange.PutNic) membership.forward()).nic().hostId().orElseThrow();
        MemberBlock before = sentState(frontHosts().first()).memberBlocks().get(bigSet);

        DispatchPlan leave = planner.plan(List.of(membership.forward()));

        Set<String> expected = new TreeSet<>(frontHosts());
        expected.add(nicHost);
        assertThat(leave.updates()).extracting(HostUpdate::hostId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(leave.recompiled()).containsExactly(nicHost);
        for (HostUpdate update : leave.updates()) {
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            if (!update.hostId().equals(nicHost)) {
                assertThat(update.upserts()).isEmpty();
                assertThat(update.deletes()).singleElement().asString().startsWith("ipset/" + bigSet + "/");
                assertThat(CODEC.encodeBytes(update)).hasSizeLessThanOrEqualTo(512);
            }
        }
        Set<MemberBlock> after = blocksBySet().get(bigSet);
        assertThat(after).hasSize(1).doesNotContain(before);
        assertThat(after.iterator().next().size()).isEqualTo(SHAPE.nics() - 1);
    }

    @Test
    void aTakeOverWithEveryAgentInSyncSendsNoFull() {
        Map<String, SentState> reports = new HashMap<>();
        planner.fleet()
                .hostIds()
                .forEach(hostId -> reports.put(hostId, planner.sent(hostId).orElseThrow()));
        DispatchPlanner leader = new DispatchPlanner(2, FleetModel.of(ScenarioFleet.changes(scenario)));
        leader.prepare();

        for (String hostId : leader.fleet().hostIds()) {
            SentState held = reports.get(hostId);
            HostUpdate update =
                    leader.adopt(hostId, held.generation(), held.state().hash()).orElseThrow();
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            assertThat(update.upserts()).isEmpty();
            assertThat(update.deletes()).isEmpty();
            assertThat(update.base()).isEqualTo(held.generation());
            assertThat(CODEC.encodeBytes(update)).hasSizeLessThanOrEqualTo(1024);
        }
    }

    /** Every update goes to a host whose state changed and that the change reached, and each such host gets one. */
    private void assertSentOnlyWhatChanged(String change, DispatchPlan plan, Map<String, String> before) {
        Set<String> reached = new HashSet<>();
        plan.reachedByChange().forEach(reached::addAll);
        Map<String, String> after = hashes();
        Set<String> changed = new TreeSet<>();
        after.forEach((hostId, hash) -> {
            if (!hash.equals(before.get(hostId))) {
                changed.add(hostId);
            }
        });
        assertThat(changed).as(change).isNotEmpty();
        assertThat(plan.updates())
                .as(change)
                .extracting(HostUpdate::hostId)
                .containsExactlyInAnyOrderElementsOf(changed);
        assertThat(reached).as(change).containsAll(changed);
    }

    private void assertEveryHostEqualsAFreshCompile() {
        for (String hostId : planner.fleet().hostIds()) {
            HostDesiredState fresh = planner.compile(hostId).orElseThrow();
            assertThat(sentState(hostId)).as(hostId).isEqualTo(fresh);
            assertThat(sentState(hostId).hash()).as(hostId).isEqualTo(fresh.hash());
        }
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new TreeMap<>();
        planner.fleet()
                .hostIds()
                .forEach(hostId -> hashes.put(hostId, sentState(hostId).hash()));
        return hashes;
    }

    /** Per ipset held as a block by some host: the distinct block objects the hosts hold. */
    private Map<String, Set<MemberBlock>> blocksBySet() {
        Map<String, Set<MemberBlock>> blocks = new TreeMap<>();
        for (String hostId : planner.fleet().hostIds()) {
            sentState(hostId).memberBlocks().forEach((set, block) -> blocks.computeIfAbsent(
                            set, s -> Collections.newSetFromMap(new IdentityHashMap<>()))
                    .add(block));
        }
        return blocks;
    }

    private Set<String> hostsHolding(String set) {
        Set<String> hosts = new TreeSet<>();
        planner.fleet().hostIds().stream()
                .filter(hostId -> sentState(hostId).memberBlocks().containsKey(set))
                .forEach(hosts::add);
        return hosts;
    }

    private TreeSet<String> frontHosts() {
        TreeSet<String> hosts = new TreeSet<>();
        for (int h = 0; h < SHAPE.bigGroupReferencingHosts(); h++) {
            hosts.add(scenario.host(h).name());
        }
        return hosts;
    }

    private HostDesiredState sentState(String hostId) {
        return planner.sent(hostId).orElseThrow().state();
    }
}
