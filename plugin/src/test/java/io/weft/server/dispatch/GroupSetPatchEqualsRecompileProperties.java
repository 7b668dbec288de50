package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.server.dispatch.FleetChange.PutGroup;
import io.weft.server.dispatch.FleetChange.PutHost;
import io.weft.server.dispatch.FleetChange.PutNetwork;
import io.weft.server.dispatch.FleetChange.PutNic;
import io.weft.server.dispatch.FleetChange.RemoveGroup;
import io.weft.server.dispatch.FleetChange.RemoveHost;
import io.weft.server.dispatch.FleetChange.RemoveNic;
import io.weft.spec.host.HostUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The membership fast path ({@link GroupSetPatch}) against the reference: a planner that patches
 * group sets and one that recompiles every reached host must plan the very same updates (hosts,
 * generations, upserts, deletes, hashes) batch after batch, and every state sent must equal a
 * fresh compile. The changes favour what the fast path handles — NICs joining and leaving groups,
 * changing and sharing addresses of both families, on networks no host holds — interleaved with
 * everything that must still recompile.
 */
class GroupSetPatchEqualsRecompileProperties {
    private static final List<String> GROUPS = List.of("g1", "g2", "g3");
    /** Few addresses, so NICs share them: an address leaves a set only with its last holder. */
    private static final List<String> ADDRESSES = List.of("10.9.0.1", "10.9.0.2", "10.9.0.3", "fd00::1", "fd00::2");

    @Property(tries = 80)
    void patchingGroupSetsPlansTheSameUpdatesAsRecompiling(
            @ForAll("sequences") List<FleetChange> changes, @ForAll @IntRange(min = 1, max = 4) int batch) {
        DispatchPlanner fast = new DispatchPlanner(1, new FleetModel());
        DispatchPlanner reference = DispatchPlanner.recompilingEveryHost(1, new FleetModel());
        Map<String, SimulatedAgent> agents = new HashMap<>();
        int patched = 0;
        for (int i = 0; i < changes.size(); i += batch) {
            List<FleetChange> slice = changes.subList(i, Math.min(changes.size(), i + batch));
            DispatchPlan plan = fast.plan(slice);
            List<HostUpdate> expected = reference.plan(slice).updates();

            assertThat(plan.updates()).as("updates after change %d", i).isEqualTo(expected);
            assertThat(Collections.disjoint(plan.patched(), plan.recompiled()))
                    .as("no host both patched and recompiled")
                    .isTrue();
            for (HostUpdate update : plan.updates()) {
                agents.computeIfAbsent(update.hostId(), h -> new SimulatedAgent())
                        .apply(update);
            }
            for (String hostId : fast.fleet().hostIds()) {
                fast.sent(hostId).ifPresent(sent -> assertThat(sent.state())
                        .as("state sent to %s", hostId)
                        .isEqualTo(fast.compile(hostId).orElseThrow()));
            }
            patched += plan.patched().size();
        }
        Statistics.label("hosts patched in the sequence").collect(patched == 0 ? "none" : "some");
        Statistics.label("hosts patched in the sequence")
                .coverage(coverage -> coverage.check("some").percentage(p -> p >= 30));
    }

    /** Hosts, three networks (the third holds no bound NIC at first) and groups, then random steps. */
    @Provide
    Arbitrary<List<FleetChange>> sequences() {
        Arbitrary<FleetChange> nic = Combinators.combine(
                        Arbitraries.integers().between(1, 10),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(ADDRESSES).set().ofMinSize(1).ofMaxSize(2),
                        Arbitraries.of(GROUPS).set().ofMaxSize(2))
                .as((n, net, host, ips, groups) -> (FleetChange) new PutNic(FleetFixtures.nicWithIps(
                        n,
                        net,
                        // NICs on the third network stay unbound: their changes reach referencing hosts only
                        net == 3 || host == 0 ? null : host,
                        List.copyOf(ips),
                        groups.toArray(String[]::new))));
        Arbitrary<FleetChange> step = Arbitraries.frequencyOf(
                Tuple.of(8, nic),
                Tuple.of(2, Arbitraries.integers().between(1, 10).map(n -> (FleetChange) new RemoveNic("nic" + n))),
                Tuple.of(
                        1,
                        Combinators.combine(Arbitraries.of(GROUPS), rules())
                                .as((id, rules) -> (FleetChange) new PutGroup(
                                        new FleetGroup(id, EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, rules),
                                        false))),
                Tuple.of(1, Arbitraries.of(GROUPS).map(id -> (FleetChange) new RemoveGroup(id))),
                Tuple.of(1, Arbitraries.integers().between(1, 4).map(h ->
                        (FleetChange) new PutHost(FleetFixtures.host(h)))),
                Tuple.of(1, Arbitraries.integers().between(1, 4).map(h -> (FleetChange) new RemoveHost("h" + h))));
        Arbitrary<List<FleetChange>> groups = Combinators.combine(rules(), rules(), rules())
                .as((a, b, c) -> List.of(
                        new PutGroup(new FleetGroup("g1", EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, a), false),
                        new PutGroup(new FleetGroup("g2", EgressDefault.EXPLICIT_RULES_ONLY, b), false),
                        new PutGroup(new FleetGroup("g3", EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, c), false)));
        return Combinators.combine(groups, step.list().ofMinSize(1).ofMaxSize(30))
                .as((initialGroups, steps) -> {
                    List<FleetChange> all = new ArrayList<>();
                    for (int h = 1; h <= 4; h++) {
                        all.add(new PutHost(FleetFixtures.host(h)));
                    }
                    for (int n = 1; n <= 3; n++) {
                        all.add(new PutNetwork(FleetFixtures.network(n)));
                    }
                    all.addAll(initialGroups);
                    // Every host holds a NIC in a group whose rules name the others, so sets exist;
                    // h1-h2 share the first network, h3-h4 the second, so a NIC's change on one
                    // network leaves the other pair to the fast path.
                    for (int h = 1; h <= 4; h++) {
                        all.add(new PutNic(
                                FleetFixtures.nic(100 + h, h <= 2 ? 1 : 2, h, GROUPS.get(h % GROUPS.size()))));
                    }
                    all.addAll(steps);
                    return all;
                });
    }

    /** Rules naming other groups as their source, in either family; some plain CIDR rules. */
    private static Arbitrary<List<SecurityGroupRule>> rules() {
        Arbitrary<SecurityGroupRule> fromGroup = Combinators.combine(
                        Arbitraries.integers().between(1, 65535),
                        Arbitraries.of(GROUPS),
                        Arbitraries.of(IpFamily.values()))
                .as((port, group, family) -> SecurityGroupRule.ports(
                        Direction.INGRESS, family, Protocol.TCP, PortRange.single(port), RemoteSide.group(group)));
        Arbitrary<SecurityGroupRule> fromCidr = Arbitraries.of("10.0.0.0/8", "0.0.0.0/0")
                .map(cidr ->
                        SecurityGroupRule.of(Direction.INGRESS, IpFamily.IPV4, Protocol.UDP, RemoteSide.cidr(cidr)));
        return Arbitraries.frequencyOf(Tuple.of(4, fromGroup), Tuple.of(1, fromCidr))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements();
    }
}
