package io.weft.agent.core;

import static java.util.Objects.requireNonNull;

import io.weft.agent.dataplane.ApplyResult;
import io.weft.agent.dataplane.Dataplane;
import io.weft.agent.dataplane.ReadBack;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.state.HostDesiredState;
import java.util.List;
import java.util.Set;

/**
 * One pass of read back → diff → apply. The agent runs it on every update and every resync
 * period; benchmarks call it directly to time a first full apply or a delta on the real tools.
 */
public final class Convergence {
    private Convergence() {}

    /**
     * @param before what was read back
     * @param operations the difference that was applied (empty when the dataplane already matched)
     * @param result what applying wrote and which NICs wait for their tap
     */
    public record Outcome(ReadBack before, List<Operation> operations, ApplyResult result) {
        public Outcome {
            requireNonNull(before, "before is null");
            operations = List.copyOf(requireNonNull(operations, "operations is null"));
            requireNonNull(result, "result is null");
        }

        /** The dataplane as it should now be read back, NICs waiting for their tap aside. */
        public HostDesiredState after() {
            return StateDiff.apply(operations, before.state());
        }
    }

    /** Makes the dataplane hold {@code desired}, changing only what differs. */
    public static Outcome converge(Dataplane dataplane, HostDesiredState desired) {
        ReadBack before = dataplane.readBack();
        List<Operation> operations = StateDiff.diff(before.state(), desired);
        ApplyResult result =
                operations.isEmpty() ? new ApplyResult(0, Set.of()) : dataplane.apply(operations, desired, before);
        return new Outcome(before, operations, result);
    }
}
