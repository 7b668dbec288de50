package io.weft.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.bench.report.MachineFacts;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSectionTest {
    @Test
    void aRunWhosePartsFailedStillRendersWhatItHasAndNamesTheFailures() {
        BenchOptions options = BenchOptions.parse("S", "--repository", "/repo", "--skip-server");
        ScenarioFacts facts = ScenarioFacts.of(ScenarioGenerator.generate(ScenarioShape.small(), 1), 12.5);
        MachineFacts machine = new MachineFacts(
                "2026-12-05T21:00:00Z", 2, 24L << 30, "Linux amd64", "6.1", "JVM 17", "abc1234", 3.5, 4.25);
        BenchResults results = new BenchResults(
                "./weft bench S --skip-server",
                machine,
                facts,
                List.of("dispatch core: boom"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        String section = PerformanceSection.render(options, results, List.of());

        assertThat(section)
                .contains("### Size S: 100 hosts, 1,000 NICs")
                .contains("load average 3.50 before, 4.25 after")
                .contains("| hosts / networks / NICs | 100 / 10 / 1,000 |")
                .contains("- dispatch core: boom")
                .contains("Run with `--skip-server`")
                .doesNotContain("#### Dispatch core");
    }

    @Test
    void scenarioFactsCountTheBigGroupAndItsHolders() {
        ScenarioFacts facts = ScenarioFacts.of(ScenarioGenerator.generate(ScenarioShape.small(), 1), 0);

        assertThat(facts.bigGroupMembers()).isEqualTo(1_000);
        assertThat(facts.hostsReferencingBigGroup()).isEqualTo(10);
        assertThat(facts.memberships()).isEqualTo(3_000);
        assertThat(facts.rules()).isEqualTo(2_000);
    }
}
