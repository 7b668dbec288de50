package io.weft.bench.system;

import io.weft.bench.report.Summary;
import io.weft.bench.scenario.Scenario;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Weft's side of the OVN comparison: the same NIC as OVN's ({@code OvnBenchmark.membershipNic})
 * leaves the big group and joins it again through the compute side's port API, and each time is
 * timed from the API's answer until the equivalent host (scenario host 0, the one OVN runs a real
 * ovn-controller on) and then every affected host have acked it. The dispatcher's own record of
 * each host's ack is read in-process every half millisecond, so the figure is the ack's arrival,
 * not a polling interval.
 */
final class WeftMembershipTiming {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Medians and spreads, in milliseconds, and what one change reached. */
    record Figures(
            String nic,
            String equivalentHost,
            Summary toEquivalentHostAckMillis,
            Summary toEveryHostAckMillis,
            int affectedHosts,
            int samples) {}

    private final LoadTarget target;
    private final ConvergenceQueries convergence;
    private final RestCalls rest;

    WeftMembershipTiming(LoadTarget target) {
        this.target = target;
        this.convergence = target.server().injector().getInstance(ConvergenceQueries.class);
        this.rest = new RestCalls(target.server().baseUri());
    }

    Figures measure(Scenario scenario, LoadedScenario loaded, Scenario.Nic nic, int repeats) {
        String nicId = loaded.nics().get(nic.index()).toString();
        String equivalentHost = loaded.hosts().get(0).hostId().toString();
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

    private Timed change(String nicId, List<String> groups, String equivalentHost) {
        RestCalls.Reply reply = rest.put(
                target.tenantKeys(), "/ports/" + nicId + "/security-groups", Map.of("securityGroupIds", groups));
        long answered = System.nanoTime();
        if (reply.status() != 200) {
            throw new IllegalStateException("port API answered " + reply.status() + ": " + reply.body());
        }
        long changeId = reply.body().path("change").path("changeId").asLong();
        long deadline = answered + TIMEOUT.toNanos();
        long equivalentAcked = -1;
        while (System.nanoTime() < deadline) {
            ChangeStatus status;
            try {
                status = convergence.change(changeId);
            } catch (IllegalStateException busy) {
                continue; // the dispatcher did not answer in time: ask again
            }
            long now = System.nanoTime();
            if (status.dispatched()) {
                if (equivalentAcked < 0
                        && Boolean.TRUE.equals(status.appliedByHost().get(equivalentHost))) {
                    equivalentAcked = now;
                }
                if (status.live()) {
                    if (!status.appliedByHost().containsKey(equivalentHost)) {
                        throw new IllegalStateException(
                                "the change did not reach the equivalent host " + equivalentHost);
                    }
                    return new Timed(
                            millis(equivalentAcked - answered), millis(now - answered), status.affectedHosts());
                }
            }
            LockSupport.parkNanos(500_000);
        }
        throw new IllegalStateException("change " + changeId + " not acked by every host within " + TIMEOUT);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
