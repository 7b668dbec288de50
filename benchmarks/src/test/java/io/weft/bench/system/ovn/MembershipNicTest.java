package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import org.junit.jupiter.api.Test;

class MembershipNicTest {

    @Test
    void theChangingNicIsTheLastHostsFirstInTheBigGroupAndNotOnAFrontHost() {
        Scenario scenario = ScenarioGenerator.generate(ScenarioShape.small(), 1);

        Scenario.Nic nic = OvnBenchmark.membershipNic(scenario);

        assertThat(nic.index()).isEqualTo(990);
        assertThat(nic.host())
                .isEqualTo(99)
                .isGreaterThanOrEqualTo(scenario.shape().bigGroupReferencingHosts());
        assertThat(nic.groups()).contains(Scenario.BIG_GROUP).doesNotContain(Scenario.FRONT_GROUP);
        assertThat(OvnBenchmark.REAL_HOST).isLessThan(scenario.shape().bigGroupReferencingHosts());
    }
}
