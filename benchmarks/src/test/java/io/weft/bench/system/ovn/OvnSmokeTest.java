package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.agent.process.ProcessCommandRunner;
import io.weft.bench.scenario.ScenarioShape;
import io.weft.lab.infra.DataplanePrerequisites;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The OVN comparison at S on the real thing: OVN's daemons, a userspace OVS and a lab namespace.
 * Skipped without root, OVS or OVN; a failure instead with {@code WEFT_REQUIRE_DATAPLANE=1}. It
 * checks what was built and counted, never how long anything took.
 */
class OvnSmokeTest {

    @Test
    void theSmallScenarioRunsOnOvnWithTheRealChassisHoldingTheBigGroupsAddressSet() {
        requireOvnOrSkip();

        OvnFigures figures = new OvnBenchmark(new ProcessCommandRunner(), ScenarioShape.small(), 1, 1).run();

        assertThat(figures.imported().logicalPorts()).isEqualTo(1_000);
        assertThat(figures.imported().acls()).isEqualTo(2_002);
        assertThat(figures.imported().fakeChassis()).isEqualTo(99);
        assertThat(figures.databases().chassisRows()).isEqualTo(100);
        assertThat(figures.databases().encapRows()).isEqualTo(100);
        assertThat(figures.databases().chassisPrivateRows()).isEqualTo(1);
        assertThat(figures.realChassis().tunnelPorts()).isEqualTo(99);
        assertThat(figures.membership().flowsForIpBefore()).isPositive();
        assertThat(figures.membership().toRealChassisFlows().samplesMillis()).hasSize(2);
        assertThat(figures.northdStopwatches()).containsKey("ovnnb_db_run");
        assertThat(figures.memory().northdBytes()).isPositive();
        assertThat(figures.memory().controllerBytes()).isPositive();
    }

    private static void requireOvnOrSkip() {
        List<String> missing = new ArrayList<>(DataplanePrerequisites.missing());
        if (!OvnInstall.installed()) {
            missing.add("OVN (Debian packages " + String.join(", ", OvnInstall.PACKAGES) + ")");
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "OVN comparison unavailable, missing: " + String.join(", ", missing);
        if (DataplanePrerequisites.required()) {
            throw new IllegalStateException(reason + " (" + DataplanePrerequisites.REQUIRE_VARIABLE + "=1)");
        }
        Assumptions.abort(reason);
    }
}
