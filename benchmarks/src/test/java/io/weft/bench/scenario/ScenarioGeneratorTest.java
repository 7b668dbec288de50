package io.weft.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
    private static final ScenarioShape S = ScenarioShape.small();
    private static final long SEED = 42;

    private final Scenario scenario = ScenarioGenerator.generate(S, SEED);

    @Test
    void theSameSeedGivesTheSameScenarioAndAnotherSeedAnotherOne() {
        assertThat(ScenarioGenerator.generate(S, SEED)).isEqualTo(scenario);
        assertThat(ScenarioGenerator.generate(S, SEED + 1)).isNotEqualTo(scenario);
    }

    @Test
    void countsFollowTheShape() {
        assertThat(scenario.hosts()).hasSize(100);
        assertThat(scenario.nics()).hasSize(1_000);
        assertThat(scenario.networks()).hasSize(10);
        assertThat(scenario.groups()).hasSize(200);
        assertThat(scenario.groups())
                .allSatisfy(group -> assertThat(group.rules()).hasSize(10));
        assertThat(scenario.nics())
                .allSatisfy(nic -> assertThat(Set.copyOf(nic.groups())).hasSize(3));
        IntStream.range(0, S.hosts())
                .forEach(h -> assertThat(scenario.nics().stream().filter(nic -> nic.host() == h))
                        .hasSize(10));
    }

    @Test
    void namesAddressesAndMacsAreUnique() {
        assertThat(distinct(scenario.nics().stream().map(Scenario.Nic::vmName).toList()))
                .isTrue();
        assertThat(distinct(scenario.nics().stream().map(Scenario.Nic::ip).toList()))
                .isTrue();
        assertThat(distinct(scenario.nics().stream().map(Scenario.Nic::mac).toList()))
                .isTrue();
        assertThat(distinct(
                        scenario.hosts().stream().map(Scenario.Host::underlayIp).toList()))
                .isTrue();
        assertThat(distinct(scenario.groups().stream().map(Scenario.Group::name).toList()))
                .isTrue();
        assertThat(distinct(
                        scenario.networks().stream().map(Scenario.Network::vni).toList()))
                .isTrue();
    }

    @Test
    void everyNicIsInTheBigGroupAndOnlyTheFirstHostsNicsAreInTheFrontGroup() {
        assertThat(scenario.nics())
                .allSatisfy(nic -> assertThat(nic.groups().get(0)).isEqualTo(Scenario.BIG_GROUP));
        assertThat(scenario.nics()).allSatisfy(nic -> assertThat(nic.groups().contains(Scenario.FRONT_GROUP))
                .as("%s on host %d", nic.vmName(), nic.host())
                .isEqualTo(nic.host() < S.bigGroupReferencingHosts()));
    }

    @Test
    void onlyTheFrontGroupsFirstRuleReferencesTheBigOrTheFrontGroup() {
        Scenario.Rule admitsBig = scenario.group(Scenario.FRONT_GROUP).rules().get(0);
        assertThat(admitsBig.remoteGroup()).isEqualTo(Scenario.BIG_GROUP);
        assertThat(admitsBig).isEqualTo(new Scenario.Rule(true, "tcp", 8080, 8080, null, Scenario.BIG_GROUP));
        for (Scenario.Group group : scenario.groups()) {
            for (int r = 0; r < group.rules().size(); r++) {
                if (group.index() == Scenario.FRONT_GROUP && r == 0) {
                    continue;
                }
                assertThat(group.rules().get(r).remoteGroup())
                        .as("rule %d of %s", r, group.name())
                        .isNotIn(Scenario.BIG_GROUP, Scenario.FRONT_GROUP);
            }
        }
    }

    @Test
    void aboutOneRuleInFiveOfTheOrdinaryGroupsReferencesAGroup() {
        List<Scenario.Rule> ordinary = scenario.groups().stream()
                .filter(group -> group.index() > Scenario.FRONT_GROUP)
                .flatMap(group -> group.rules().stream())
                .toList();
        double referencing =
                ordinary.stream().filter(Scenario.Rule::referencesGroup).count() / (double) ordinary.size();
        assertThat(referencing).isBetween(0.15, 0.25);
    }

    @Test
    void rulesAreDistinctWithinAGroupForEverySeedTried() {
        for (long seed = 0; seed < 20; seed++) {
            for (Scenario.Group group : ScenarioGenerator.generate(S, seed).groups()) {
                assertThat(distinct(group.rules()))
                        .as("seed %d, %s", seed, group.name())
                        .isTrue();
            }
        }
    }

    private static boolean distinct(List<?> items) {
        return new HashSet<>(items).size() == items.size();
    }
}
