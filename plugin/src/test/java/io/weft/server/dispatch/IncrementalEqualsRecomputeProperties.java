package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.state.HostDesiredState;
import io.weft.server.dispatch.FleetChange.PutGroup;
import io.weft.server.dispatch.FleetChange.PutHost;
import io.weft.server.dispatch.FleetChange.PutNetwork;
import io.weft.server.dispatch.FleetChange.PutNic;
import io.weft.server.dispatch.FleetChange.RemoveGroup;
import io.weft.server.dispatch.FleetChange.RemoveHost;
import io.weft.server.dispatch.FleetChange.RemoveNic;
import io.weft.spec.host.HostUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The dispatcher's incremental path (only affected hosts, keyed deltas) must end where a fresh
 * compile of every host ends, whatever the order and batching of the same changes.
 */
class IncrementalEqualsRecomputeProperties {
    private static final List<String> GROUPS = List.of("g1", "g2", "g3", "g4");

    @Property(tries = 60)
    void sameFinalChangesInAnyOrderAndBatchingEndInTheFreshCompile(
            @ForAll("finalVersions") List<FleetChange> changes, @ForAll @IntRange(min = 1, max = 7) int batch) {
        Map<String, HostDesiredState> expected = freshCompile(changes);

        assertThat(deliverInBatches(changes, 1)).as("one by one").isEqualTo(expected);
        assertThat(deliverInBatches(reversed(changes), 1)).as("reversed").isEqualTo(expected);
        assertThat(deliverInBatches(changes, batch))
                .as("split into batches of %d", batch)
                .isEqualTo(expected);
        assertThat(deliverInBatches(changes, changes.size())).as("squashed").isEqualTo(expected);
    }

    @Property(tries = 60)
    void anySequenceOfPutsAndRemovesEndsInTheFreshCompile(
            @ForAll("sequences") List<FleetChange> changes, @ForAll @IntRange(min = 1, max = 5) int batch) {
        DispatchPlanner planner = new DispatchPlanner(1, new FleetModel());
        Map<String, SimulatedAgent> agents = new HashMap<>();
        for (int i = 0; i < changes.size(); i += batch) {
            deliver(planner.apply(changes.subList(i, Math.min(changes.size(), i + batch))), agents);
        }
        for (String hostId : planner.fleet().hostIds()) {
            HostDesiredState fresh = planner.compile(hostId).orElseThrow();
            assertThat(Optional.ofNullable(agents.get(hostId)).map(SimulatedAgent::state))
                    .as("host %s", hostId)
                    .contains(fresh);
        }
    }

    private static Map<String, HostDesiredState> freshCompile(List<FleetChange> changes) {
        DispatchPlanner planner = new DispatchPlanner(1, new FleetModel());
        changes.forEach(change -> change.applyTo(planner.fleet()));
        Map<String, HostDesiredState> states = new TreeMap<>();
        for (String hostId : planner.fleet().hostIds()) {
            states.put(hostId, planner.compile(hostId).orElseThrow());
        }
        return states;
    }

    private static Map<String, HostDesiredState> deliverInBatches(List<FleetChange> changes, int batch) {
        DispatchPlanner planner = new DispatchPlanner(1, new FleetModel());
        Map<String, SimulatedAgent> agents = new HashMap<>();
        for (int i = 0; i < changes.size(); i += batch) {
            deliver(planner.apply(changes.subList(i, Math.min(changes.size(), i + batch))), agents);
        }
        Map<String, HostDesiredState> states = new TreeMap<>();
        for (String hostId : planner.fleet().hostIds()) {
            states.put(hostId, agents.get(hostId).state());
        }
        return states;
    }

    private static void deliver(List<HostUpdate> updates, Map<String, SimulatedAgent> agents) {
        for (HostUpdate update : updates) {
            agents.computeIfAbsent(update.hostId(), h -> new SimulatedAgent()).apply(update);
        }
    }

    private static List<FleetChange> reversed(List<FleetChange> changes) {
        List<FleetChange> copy = new ArrayList<>(changes);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Every entity once, in its final version: hosts, networks, groups and NICs, shuffled. */
    @Provide
    Arbitrary<List<FleetChange>> finalVersions() {
        Arbitrary<List<FleetChange>> groups = Combinators.combine(rules(), rules(), rules(), rules())
                .as((a, b, c, d) -> List.<FleetChange>of(
                        new PutGroup(new FleetGroup("g1", EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, a), false),
                        new PutGroup(new FleetGroup("g2", EgressDefault.EXPLICIT_RULES_ONLY, b), false),
                        new PutGroup(new FleetGroup("g3", EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, c), false),
                        new PutGroup(new FleetGroup("g4", EgressDefault.EXPLICIT_RULES_ONLY, d), false)));
        Arbitrary<List<FleetChange>> nics = Arbitraries.integers()
                .between(0, 12)
                .flatMap(count -> Combinators.combine(
                                Arbitraries.integers().between(1, 2).list().ofSize(count),
                                Arbitraries.integers().between(0, 5).list().ofSize(count),
                                Arbitraries.of(GROUPS).set().ofMaxSize(2).list().ofSize(count))
                        .as((networks, hosts, groupSets) -> {
                            List<FleetChange> puts = new ArrayList<>();
                            for (int i = 0; i < count; i++) {
                                Integer host = hosts.get(i) == 0 ? null : hosts.get(i);
                                puts.add(new PutNic(FleetFixtures.nic(
                                        i + 1,
                                        networks.get(i),
                                        host,
                                        groupSets.get(i).toArray(String[]::new))));
                            }
                            return puts;
                        }));
        return Combinators.combine(groups, nics)
                .as((g, n) -> {
                    List<FleetChange> all = new ArrayList<>();
                    for (int h = 1; h <= 5; h++) {
                        all.add(new PutHost(FleetFixtures.host(h)));
                    }
                    all.add(new PutNetwork(FleetFixtures.network(1)));
                    all.add(new PutNetwork(FleetFixtures.network(2)));
                    all.addAll(g);
                    all.addAll(n);
                    return all;
                })
                .flatMap(all -> Arbitraries.shuffle(all));
    }

    /** A valid start (hosts, networks, groups) followed by random puts and removes. */
    @Provide
    Arbitrary<List<FleetChange>> sequences() {
        Arbitrary<FleetChange> step = Arbitraries.oneOf(
                Combinators.combine(
                                Arbitraries.integers().between(1, 10),
                                Arbitraries.integers().between(1, 2),
                                Arbitraries.integers().between(0, 4),
                                Arbitraries.of(GROUPS).set().ofMaxSize(2))
                        .as((n, net, host, groups) -> (FleetChange) new PutNic(
                                FleetFixtures.nic(n, net, host == 0 ? null : host, groups.toArray(String[]::new)))),
                Arbitraries.integers().between(1, 10).map(n -> (FleetChange) new RemoveNic("nic" + n)),
                Combinators.combine(Arbitraries.of(GROUPS), rules()).as((id, rules) -> (FleetChange) new PutGroup(
                        new FleetGroup(id, EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE, rules), false)),
                Arbitraries.of(GROUPS).map(id -> (FleetChange) new RemoveGroup(id)),
                Arbitraries.integers().between(1, 4).map(h -> (FleetChange) new PutHost(FleetFixtures.host(h))),
                Arbitraries.integers().between(1, 4).map(h -> (FleetChange) new RemoveHost("h" + h)));
        return step.list().ofMinSize(1).ofMaxSize(30).map(steps -> {
            List<FleetChange> all = new ArrayList<>();
            for (int h = 1; h <= 4; h++) {
                all.add(new PutHost(FleetFixtures.host(h)));
            }
            all.add(new PutNetwork(FleetFixtures.network(1)));
            all.add(new PutNetwork(FleetFixtures.network(2)));
            for (String id : GROUPS) {
                all.add(new PutGroup(FleetFixtures.group(id), false));
            }
            all.addAll(steps);
            return all;
        });
    }

    private static Arbitrary<List<SecurityGroupRule>> rules() {
        Arbitrary<SecurityGroupRule> fromGroup = Combinators.combine(
                        Arbitraries.integers().between(1, 65535), Arbitraries.of(GROUPS))
                .as((port, group) -> SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(port),
                        RemoteSide.group(group)));
        Arbitrary<SecurityGroupRule> fromCidr = Arbitraries.of("10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0")
                .map(cidr ->
                        SecurityGroupRule.of(Direction.INGRESS, IpFamily.IPV4, Protocol.UDP, RemoteSide.cidr(cidr)));
        Arbitrary<SecurityGroupRule> egress = Arbitraries.of("10.0.0.0/8", "0.0.0.0/0")
                .map(cidr ->
                        SecurityGroupRule.of(Direction.EGRESS, IpFamily.IPV4, Protocol.ALL, RemoteSide.cidr(cidr)));
        return Arbitraries.oneOf(fromGroup, fromCidr, egress)
                .list()
                .ofMaxSize(3)
                .uniqueElements();
    }
}
