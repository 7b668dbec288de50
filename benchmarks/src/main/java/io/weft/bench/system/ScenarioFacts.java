package io.weft.bench.system;

import io.weft.bench.scenario.Scenario;
import java.util.HashSet;
import java.util.Set;

/** What a generated scenario holds, counted from it, so the report states the size it measured. */
public record ScenarioFacts(
        String size,
        long seed,
        int hosts,
        int networks,
        int nics,
        int groups,
        int rules,
        int groupReferencingRules,
        int memberships,
        int bigGroupMembers,
        int hostsReferencingBigGroup,
        double generatedInMillis) {

    public static ScenarioFacts of(Scenario scenario, double generatedInMillis) {
        int rules = 0;
        int referencing = 0;
        for (Scenario.Group group : scenario.groups()) {
            rules += group.rules().size();
            referencing += (int) group.rules().stream()
                    .filter(Scenario.Rule::referencesGroup)
                    .count();
        }
        int memberships = 0;
        int bigMembers = 0;
        Set<Integer> frontHosts = new HashSet<>();
        for (Scenario.Nic nic : scenario.nics()) {
            memberships += nic.groups().size();
            if (nic.groups().contains(Scenario.BIG_GROUP)) {
                bigMembers++;
            }
            if (nic.groups().contains(Scenario.FRONT_GROUP)) {
                frontHosts.add(nic.host());
            }
        }
        return new ScenarioFacts(
                scenario.shape().name(),
                scenario.seed(),
                scenario.hosts().size(),
                scenario.networks().size(),
                scenario.nics().size(),
                scenario.groups().size(),
                rules,
                referencing,
                memberships,
                bigMembers,
                frontHosts.size(),
                generatedInMillis);
    }
}
