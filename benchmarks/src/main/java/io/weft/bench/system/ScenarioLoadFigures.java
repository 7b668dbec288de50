package io.weft.bench.system;

/**
 * How long loading a scenario through the services took, phase by phase, on one server.
 *
 * @param threads the workers that created groups, rules and VMs
 * @param changeRecords the change records the services wrote (the dispatcher's input)
 * @param drainSeconds from the last VM registered until the dispatcher had taken in the newest record
 * @param undispatchedChanges records the dispatcher had not taken in by then (see {@link ScenarioLoader})
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
        double hostSeconds,
        double networkSeconds,
        double groupSeconds,
        double ruleSeconds,
        double vmSeconds,
        double drainSeconds,
        int undispatchedChanges,
        double totalSeconds,
        double vmsPerSecond,
        double rulesPerSecond) {}
