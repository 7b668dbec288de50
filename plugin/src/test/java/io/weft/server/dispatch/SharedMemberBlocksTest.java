package io.weft.server.dispatch;

import static io.weft.server.dispatch.FleetFixtures.group;
import static io.weft.server.dispatch.FleetFixtures.host;
import static io.weft.server.dispatch.FleetFixtures.network;
import static io.weft.server.dispatch.FleetFixtures.nic;
import static io.weft.server.dispatch.FleetFixtures.tcpFrom;
import static io.weft.server.dispatch.FleetFixtures.tcpFromCidr;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.MemberBlock;
import io.weft.server.dispatch.FleetChange.PutGroup;
import io.weft.server.dispatch.FleetChange.PutHost;
import io.weft.server.dispatch.FleetChange.PutNetwork;
import io.weft.server.dispatch.FleetChange.PutNic;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memory model of the dispatcher's sent states: a big group referenced on most hosts has its
 * member set held once, one {@link MemberBlock} that every referencing host's state points to, so
 * the members reachable from all sent states do not grow with the number of hosts; a membership
 * change makes one new block that every referencing host swaps in, and each host still holds
 * exactly what a fresh compile gives.
 */
class SharedMemberBlocksTest {
    private static final int HOSTS = 200;
    private static final int REFERENCING_HOSTS = 170;
    private static final int BIG_GROUP_MEMBERS = 4_000;
    private static final String SET = GroupSets.setName("big", IpFamily.IPV4);

    private DispatchPlanner planner;

    /**
     * 200 hosts, a network per 10. Group "web" admits TCP 80 from members of "big"; each of the
     * first 170 hosts has one "web" NIC, the others one "other" NIC. "big" has 4,000 members that
     * are not bound to a host (their addresses are in its set all the same).
     */
    @BeforeEach
    void loadFleet() {
        planner = new DispatchPlanner(1, new FleetModel());
        List<FleetChange> changes = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            changes.add(new PutHost(host(h)));
        }
        for (int n = 1; n <= HOSTS / 10; n++) {
            changes.add(new PutNetwork(network(n)));
        }
        changes.add(new PutGroup(group("web", tcpFrom(80, "big")), false));
        changes.add(new PutGroup(group("big", tcpFromCidr(443, "0.0.0.0/0")), false));
        changes.add(new PutGroup(group("other", tcpFromCidr(22, "10.0.0.0/8")), false));
        for (int h = 1; h <= HOSTS; h++) {
            changes.add(new PutNic(nic(h, (h - 1) / 10 + 1, h, h <= REFERENCING_HOSTS ? "web" : "other")));
        }
        for (int m = 0; m < BIG_GROUP_MEMBERS; m++) {
            changes.add(new PutNic(nic(1_000 + m, 1, null, "big")));
        }
        List<HostUpdate> fulls = planner.apply(changes);
        assertThat(fulls).hasSize(HOSTS).allSatisfy(update -> assertThat(update.kind())
                .isEqualTo(UpdateKind.FULL));
    }

    @Test
    void everyReferencingHostHoldsTheSameBlockAndNoMemberEntriesOfItsOwn() {
        Set<MemberBlock> blocks = blocksHeld();
        assertThat(blocks).hasSize(1);
        MemberBlock block = blocks.iterator().next();
        assertThat(block.size()).isEqualTo(BIG_GROUP_MEMBERS);
        for (String hostId : referencingHosts()) {
            HostDesiredState state = sentState(hostId);
            assertThat(state.memberBlocks().get(SET)).isSameAs(block);
            assertThat(state.ownEntries().values()).noneMatch(IpSetMemberEntry.class::isInstance);
            assertThat(state.size()).isGreaterThan(BIG_GROUP_MEMBERS); // the members count as entries
            assertThat(state).isEqualTo(planner.compile(hostId).orElseThrow());
        }
        for (int h = REFERENCING_HOSTS + 1; h <= HOSTS; h++) {
            assertThat(sentState("h" + h).memberBlocks()).isEmpty();
        }
    }

    @Test
    void theMembersReachableFromAllSentStatesDoNotGrowWithTheReferencingHosts() {
        assertThat(distinctMemberObjects(referencingHosts().subList(0, 1))).isEqualTo(BIG_GROUP_MEMBERS);
        assertThat(distinctMemberObjects(referencingHosts().subList(0, 10))).isEqualTo(BIG_GROUP_MEMBERS);
        assertThat(distinctMemberObjects(referencingHosts())).isEqualTo(BIG_GROUP_MEMBERS);
    }

    @Test
    void aMembershipChangeSwapsOneNewBlockIntoEveryReferencingHost() {
        MemberBlock before = blocksHeld().iterator().next();

        List<HostUpdate> join = planner.apply(List.of(new PutNic(nic(9_000, 1, null, "big"))));

        assertThat(join).hasSize(REFERENCING_HOSTS).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            assertThat(update.deletes()).isEmpty();
            assertThat(update.upserts()).singleElement().satisfies(entry -> assertThat(entry.kind())
                    .isEqualTo(IpSetMemberEntry.KIND));
        });
        Set<MemberBlock> afterJoin = blocksHeld();
        assertThat(afterJoin).hasSize(1).doesNotContain(before);
        assertThat(afterJoin.iterator().next().size()).isEqualTo(BIG_GROUP_MEMBERS + 1);
        assertEveryReferencingHostEqualsAFreshCompile();
        assertThat(distinctMemberObjects(referencingHosts())).isEqualTo(BIG_GROUP_MEMBERS + 1);

        List<HostUpdate> leave = planner.apply(List.of(new FleetChange.RemoveNic("nic9000")));

        assertThat(leave).hasSize(REFERENCING_HOSTS).allSatisfy(update -> {
            assertThat(update.upserts()).isEmpty();
            assertThat(update.deletes()).singleElement().asString().startsWith("ipset/" + SET + "/");
        });
        assertThat(blocksHeld()).hasSize(1);
        assertThat(blocksHeld().iterator().next()).isEqualTo(before);
        assertEveryReferencingHostEqualsAFreshCompile();
    }

    private void assertEveryReferencingHostEqualsAFreshCompile() {
        for (String hostId : referencingHosts()) {
            HostDesiredState fresh = planner.compile(hostId).orElseThrow();
            assertThat(sentState(hostId)).isEqualTo(fresh);
            assertThat(sentState(hostId).hash()).isEqualTo(fresh.hash());
        }
    }

    /** The distinct block objects the referencing hosts' sent states hold for the big group's set. */
    private Set<MemberBlock> blocksHeld() {
        Set<MemberBlock> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String hostId : referencingHosts()) {
            blocks.add(sentState(hostId).memberBlocks().get(SET));
        }
        return blocks;
    }

    /** Distinct member string objects reachable from the hosts' sent states: the retained members. */
    private int distinctMemberObjects(List<String> hostIds) {
        Set<String> members = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String hostId : hostIds) {
            HostDesiredState state = sentState(hostId);
            state.memberBlocks().values().forEach(block -> members.addAll(block.members()));
            state.ownEntries().values().stream()
                    .filter(IpSetMemberEntry.class::isInstance)
                    .forEach(entry -> members.add(((IpSetMemberEntry) entry).member()));
        }
        return members.size();
    }

    private HostDesiredState sentState(String hostId) {
        return planner.sent(hostId).orElseThrow().state();
    }

    private static List<String> referencingHosts() {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= REFERENCING_HOSTS; h++) {
            hosts.add("h" + h);
        }
        return hosts;
    }
}
