package io.weft.bench.system;

import io.weft.bench.report.MachineFacts;
import io.weft.bench.system.ovn.OvnFigures;
import java.util.List;

/**
 * Everything one {@code ./weft bench} run measured, written as its JSON file. A part is null when
 * it was not run: {@code load} when the populated database was reused, {@code endToEnd} and {@code
 * membership} when the stream was skipped (L), {@code ovn} without {@code --vs-ovn}, and any part
 * that failed, as {@code failures} says.
 */
public record BenchResults(
        String command,
        MachineFacts machine,
        ScenarioFacts scenario,
        List<String> failures,
        DispatchFigures.Report dispatch,
        ScenarioLoadFigures load,
        ColdStartFigures coldStart,
        ApiThroughputFigures api,
        EndToEndReport.Report endToEnd,
        WeftMembershipTiming.Figures membership,
        EquivalentHost equivalentHost,
        OvnFigures ovn) {}
