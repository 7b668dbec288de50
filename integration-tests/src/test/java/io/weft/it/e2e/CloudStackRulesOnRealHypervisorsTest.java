package io.weft.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.RealDataplane;
import io.weft.lab.harness.WeftLab;
import io.weft.lab.scenario.IntendedRules.Probe;
import io.weft.lab.scenario.ReachabilityMatrix;
import io.weft.lab.scenario.TwoTenantScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 acceptance: with real agents on namespace hypervisors, the networks, groups and rules
 * that tenants create through the CloudStack API (CIDR and group-pair ingress, ICMP, a TCP port)
 * produce exactly the reachability they describe, measured with packets; and live changes through
 * the same API flip it, down to a VM stopped (its port and set memberships withdrawn) and started. The scenario is {@link TwoTenantScenario}; the steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudStackRulesOnRealHypervisorsTest {
    /** a2's address: after step 3 a1 is in app, whose rule admits web's members, so hv1 holds web's set. */
    private static final String A2_ADDRESS = "10.10.0.12";

    private WeftLab weft;
    private TwoTenantScenario scenario;

    @BeforeAll
    void buildTheScenarioThroughTheApi() {
        RealDataplane.requireOrSkip();
        weft = WeftLab.start();
        scenario = TwoTenantScenario.build(weft);
    }

    @AfterAll
    void removeEverything() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    @Order(1)
    void measuredReachabilityEqualsWhatTheRulesDescribe() {
        ReachabilityMatrix expected = scenario.expected();
        // The expectation is not trivial: it has open, one-way, port-only and closed cells.
        assertThat(expected.cell("a1", "a2")).containsExactlyInAnyOrder(Probe.PING, Probe.TCP);
        assertThat(expected.cell("a2", "a1")).containsExactly(Probe.PING);
        assertThat(expected.cell("b1", "b2")).containsExactly(Probe.TCP);
        assertThat(expected.cell("b2", "b1")).isEmpty();
        assertThat(expected.cell("a1", "b1")).isEmpty();

        assertMeasuredEqualsExpected();
    }

    @Test
    @Order(2)
    void revokingTheIcmpRuleStopsPingsBetweenTheTenantsVms() {
        scenario.revokeIcmpFromWeb();
        scenario.awaitConverged();

        assertThat(scenario.expected().cell("a1", "a2")).containsExactly(Probe.TCP);
        assertMeasuredEqualsExpected();
    }

    @Test
    @Order(3)
    void changingAVmsGroupsOpensTheGroupPairRuleToIt() {
        scenario.putA1InWebAndApp();
        scenario.awaitConverged();

        assertThat(scenario.expected().cell("a2", "a1")).containsExactly(Probe.TCP);
        assertMeasuredEqualsExpected();
    }

    @Test
    @Order(4)
    void stoppingAVmWithdrawsItsPortAndItsAddressFromTheOtherHostsSets() {
        assertThat(scenario.ipsetMembers("hv1")).contains(A2_ADDRESS);

        scenario.stopA2();
        scenario.awaitConverged();

        assertThat(scenario.expected().cell("a1", "a2")).isEmpty();
        assertThat(scenario.expected().cell("a2", "a1")).isEmpty();
        assertMeasuredEqualsExpected();
        assertThat(scenario.ipsetMembers("hv1")).doesNotContain(A2_ADDRESS);
    }

    @Test
    @Order(5)
    void startingItAgainWiresItAsBefore() {
        scenario.startA2();
        scenario.awaitConverged();

        assertThat(scenario.expected().cell("a2", "a1")).containsExactly(Probe.TCP);
        assertMeasuredEqualsExpected();
        assertThat(scenario.ipsetMembers("hv1")).contains(A2_ADDRESS);
    }

    private void assertMeasuredEqualsExpected() {
        ReachabilityMatrix expected = scenario.expected();
        ReachabilityMatrix measured = scenario.measured();
        assertThat(measured.differences(expected))
                .as("measured:%n%s%nexpected:%n%s", measured.render(), expected.render())
                .isEmpty();
    }
}
