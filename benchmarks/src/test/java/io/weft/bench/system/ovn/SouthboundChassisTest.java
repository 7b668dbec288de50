package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SouthboundChassisTest {

    @Test
    void everyHostButTheRealOneIsAChassisWithItsPortsBound() {
        List<List<String>> invocations = SouthboundChassis.invocations(TinyScenarios.twoHosts(), 0, 10);

        assertThat(invocations)
                .containsExactly(List.of(
                        "chassis-add",
                        "hv-00001",
                        "geneve",
                        "100.64.0.2",
                        "--",
                        "lsp-bind",
                        "nic-vm-000001",
                        "hv-00001"));
    }

    @Test
    void hostsAreSplitAcrossInvocationsAndNoneIsLeftOut() {
        Scenario scenario = ScenarioGenerator.generate(ScenarioShape.small(), 1);

        List<List<String>> invocations = SouthboundChassis.invocations(scenario, 0, 25);

        assertThat(invocations).hasSize(4); // 99 hosts, 25 per invocation
        assertThat(invocations.stream().flatMap(List::stream).filter("chassis-add"::equals))
                .hasSize(99);
        assertThat(invocations.stream().flatMap(List::stream).filter("lsp-bind"::equals))
                .hasSize(990);
        assertThat(invocations.stream().flatMap(List::stream)).doesNotContain("hv-00000", "nic-vm-000000");
        assertThat(invocations).allSatisfy(argv -> assertThat(argv.get(0)).isEqualTo("chassis-add"));
    }

    @Test
    void anInvocationHoldsAtLeastOneHost() {
        assertThatThrownBy(() -> SouthboundChassis.invocations(TinyScenarios.twoHosts(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
