package io.weft.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.weft.agent.TestingHosts;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;
import org.junit.jupiter.api.Test;

class UpdateDeciderTest {
    private static final HostDesiredState ONE = TestingHosts.state("10.0.1.1");
    private static final HostDesiredState TWO = TestingHosts.state("10.0.1.1", "10.0.1.2");

    private static AgentState at(long generation, HostDesiredState state) {
        return AgentState.of(new Generation(1, generation), state);
    }

    @Test
    void fullOnAFreshAgentIsAccepted() {
        UpdateDecision decision = UpdateDecider.decide(AgentState.initial(), TestingHosts.full(3, ONE));
        AgentState next =
                assertInstanceOf(UpdateDecision.Accept.class, decision).next();
        assertEquals(new Generation(1, 3), next.applied());
        assertEquals(ONE, next.desired());
        assertEquals(ONE.hash(), next.hash());
    }

    @Test
    void newerFullReplacesWhateverIsHeld() {
        UpdateDecision decision = UpdateDecider.decide(at(3, TWO), TestingHosts.full(9, ONE));
        assertEquals(
                ONE,
                assertInstanceOf(UpdateDecision.Accept.class, decision).next().desired());
    }

    @Test
    void deltaOnItsBaseIsApplied() {
        UpdateDecision decision = UpdateDecider.decide(at(3, ONE), TestingHosts.delta(3, ONE, TWO));
        AgentState next =
                assertInstanceOf(UpdateDecision.Accept.class, decision).next();
        assertEquals(TWO, next.desired());
        assertEquals(new Generation(1, 4), next.applied());
    }

    @Test
    void deltaRemovingEntriesApplies() {
        UpdateDecision decision = UpdateDecider.decide(at(3, TWO), TestingHosts.delta(3, TWO, ONE));
        assertEquals(
                ONE,
                assertInstanceOf(UpdateDecision.Accept.class, decision).next().desired());
    }

    @Test
    void deltaOnStaleBaseRequestsFullResync() {
        UpdateDecision decision = UpdateDecider.decide(at(5, ONE), TestingHosts.delta(6, ONE, TWO));
        assertInstanceOf(UpdateDecision.RequestFull.class, decision);
    }

    @Test
    void deltaOnAFreshAgentRequestsFull() {
        UpdateDecision decision = UpdateDecider.decide(AgentState.initial(), TestingHosts.delta(3, ONE, TWO));
        assertInstanceOf(UpdateDecision.RequestFull.class, decision);
    }

    @Test
    void deltaLandingOnAnotherHashRequestsFull() {
        UpdateDecision decision = UpdateDecider.decide(at(3, ONE), TestingHosts.delta(3, ONE, TWO, "0".repeat(64)));
        assertInstanceOf(UpdateDecision.RequestFull.class, decision);
    }

    @Test
    void alreadyAppliedGenerationIsAckedAgain() {
        assertInstanceOf(
                UpdateDecision.AckAgain.class, UpdateDecider.decide(at(4, TWO), TestingHosts.delta(3, ONE, TWO)));
        assertInstanceOf(UpdateDecision.AckAgain.class, UpdateDecider.decide(at(4, TWO), TestingHosts.full(4, TWO)));
    }

    @Test
    void olderGenerationIsAckedAgainWithoutChangingState() {
        assertInstanceOf(UpdateDecision.AckAgain.class, UpdateDecider.decide(at(9, TWO), TestingHosts.full(2, ONE)));
    }

    @Test
    void fullWhoseEntriesDoNotHashToItsClaimIsRejected() {
        var honest = TestingHosts.full(5, ONE);
        var lying = new io.weft.spec.host.HostUpdate(
                honest.schema(),
                honest.hostId(),
                honest.generation(),
                honest.base(),
                honest.kind(),
                honest.upserts(),
                honest.deletes(),
                TWO.hash());
        assertInstanceOf(UpdateDecision.Reject.class, UpdateDecider.decide(at(3, TWO), lying));
    }

    @Test
    void newerEpochWinsOverHigherNumber() {
        AgentState held = AgentState.of(new Generation(1, 100), TWO);
        var update = TestingHosts.full(1, ONE);
        var newEpoch = new io.weft.spec.host.HostUpdate(
                update.schema(),
                update.hostId(),
                new Generation(2, 1),
                update.base(),
                update.kind(),
                update.upserts(),
                update.deletes(),
                update.desiredHash());
        assertInstanceOf(UpdateDecision.Accept.class, UpdateDecider.decide(held, newEpoch));
    }
}
