package io.weft.agent.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The agent's meters, named once so dashboards and tests agree. */
final class AgentMetrics {
    final Counter driftRepairs;
    final Counter updatesApplied;
    final Counter applyFailures;
    final Counter resyncRequests;
    final Counter memberDeltas;
    final Timer convergence;

    AgentMetrics(MeterRegistry registry) {
        driftRepairs = Counter.builder("weft.agent.drift.repairs")
                .description("dataplane entries found changed by someone else and put back")
                .register(registry);
        updatesApplied = Counter.builder("weft.agent.updates.applied")
                .description("updates accepted and programmed")
                .register(registry);
        applyFailures = Counter.builder("weft.agent.apply.failures")
                .description("read-back or apply attempts that failed")
                .register(registry);
        resyncRequests = Counter.builder("weft.agent.resync.requests")
                .description("FULL updates asked for")
                .register(registry);
        memberDeltas = Counter.builder("weft.agent.member.deltas")
                .description("DELTAs of set members only, written without a whole-host read back")
                .register(registry);
        convergence = Timer.builder("weft.agent.convergence")
                .description("one read back, diff and apply pass")
                .register(registry);
    }
}
