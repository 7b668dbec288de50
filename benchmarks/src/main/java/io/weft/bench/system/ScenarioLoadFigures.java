package io.weft.bench.system;

import java.util.List;

/**
 * How long loading a scenario through the services took, phase by phase, on one in-process server.
 *
 * @param threads the workers that created groups, rules and VMs
 * @param changeRecords the change records the services wrote (the dispatcher's input)
 * @param phases in order: hosts, tenant and networks, groups, rules, VMs, and the dispatcher catching
 *     up (from the last VM until it had taken in the newest record)
 * @param undispatchedChanges records the dispatcher had not taken in by then (none unless the
 *     outbox skips records that commit out of id order)
 * @param cpuMillisPerVm process CPU per VM registered: what a VM costs, whatever else the machine ran
 */
public record ScenarioLoadFigures(
        String shape,
        long seed,
        int threads,
        int hosts,
        int networks,
        int groups,
        int rules,
        int vms,
        long changeRecords,
        List<Phase> phases,
        int undispatchedChanges,
        double totalSeconds,
        double totalCpuSeconds,
        double vmsPerSecond,
        double cpuMillisPerVm) {
    public ScenarioLoadFigures {
        phases = List.copyOf(phases);
    }

    /** One phase's wall time and the process's CPU time in it. */
    public record Phase(String name, double seconds, double cpuSeconds) {}
}
