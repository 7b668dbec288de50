package io.weft.bench.system;

import io.weft.bench.report.Summary;
import io.weft.bench.scenario.Scenario;
import io.weft.lab.harness.SimulatedHost;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.spec.host.Generation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Weft's side of the OVN comparison: the same NIC as OVN's ({@code OvnBenchmark.membershipNic})
 * leaves the big group and joins it again through the compute side's port API, and each time is
 * timed from the API's answer until the equivalent host (scenario host 0, the one OVN runs a real
 * ovn-controller on) has applied it, and until every affected host has acked it. Host 0's agent
 * runs in this JVM, so its applied generation is watched there without asking the server; every
 * host's ack is awaited with one waiter on the dispatcher ({@code awaitApplied}), so the
 * measurement adds no work to the dispatcher it measures.
 */
final class WeftMembershipTiming {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Medians and spreads, in milliseconds, and what one change reached. */
    record Figures(
            String nic,
            String equivalentHost,
            Summary toEquivalentHostAppliedMillis,
            Summary toEveryHostAckMillis,
            int affectedHosts,
            int samples) {}

    private final LoadTarget target;
    private final AgentFleet fleet;
    private final ConvergenceQueries convergence;
    private final RestCalls rest;

    WeftMembershipTiming(LoadTarget target, AgentFleet fleet) {
        this.target = target;
        this.fleet = fleet;
        this.convergence = target.server().injector().getInstance(ConvergenceQueries.class);
        this.rest = new RestCalls(target.server().baseUri());
    }

    Figures measure(Scenario scenario, LoadedScenario loaded, Scenario.Nic nic, int repeats) {
        String nicId = loaded.nics().get(nic.index()).toString();
        SimulatedHost equivalentHost = fleet.host(loaded.hosts().get(0).hostId().toString())
                .orElseThrow(() -> new IllegalStateException("no agent runs for scenario host 0"));
        List<String> withBig = nic.groups().stream()
                .map(index -> loaded.groups().get(index).toString())
                .toList();
        List<String> withoutBig = withBig.subList(1, withBig.size());
        List<Double> toEquivalent = new ArrayList<>();
        List<Double> toEvery = new ArrayList<>();
        int affected = 0;
        for (int run = 0; run < repeats; run++) {
            for (List<String> groups : List.of(withoutBig, withBig)) {
                Timed timed = change(nicId, groups, equivalentHost);
                toEquivalent.add(timed.toEquivalentMillis);
                toEvery.add(timed.toEveryMillis);
                affected = Math.max(affected, timed.affectedHosts);
            }
        }
        return new Figures(
                scenario.nics().get(nic.index()).vmName(),
                scenario.host(0).name(),
                Summary.of(toEquivalent),
                Summary.of(toEvery),
                affected,
                toEquivalent.size());
    }

    private record Timed(double toEquivalentMillis, double toEveryMillis, int affectedHosts) {}

    private Timed change(String nicId, List<String> groups, SimulatedHost equivalentHost) {
        Generation before = equivalentHost.agent().state().applied();
        RestCalls.Reply reply = rest.put(
                target.tenantKeys(), "/ports/" + nicId + "/security-groups", Map.of("securityGroupIds", groups));
        long answered = System.nanoTime();
        if (reply.status() != 200) {
            throw new IllegalStateException("port API answered " + reply.status() + ": " + reply.body());
        }
        long changeId = reply.body().path("change").path("changeId").asLong();
        long deadline = answered + TIMEOUT.toNanos();
        while (equivalentHost.agent().state().applied().equals(before)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host 0 did not apply change " + changeId + " within " + TIMEOUT);
            }
            LockSupport.parkNanos(200_000);
        }
        long applied = System.nanoTime();
        ChangeStatus status = convergence.awaitApplied(changeId, TIMEOUT);
        long everyHost = System.nanoTime();
        if (!status.live()) {
            throw new IllegalStateException("change " + changeId + " not acked by every host within " + TIMEOUT);
        }
        return new Timed(millis(applied - answered), millis(everyHost - answered), status.affectedHosts());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
