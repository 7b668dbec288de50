package io.weft.agent.dataplane;

import io.weft.rules.diff.Operation;
import io.weft.rules.state.HostDesiredState;
import java.util.List;

/**
 * A host's dataplane as the agent sees it: only what we own (our prefix, our cookie, our external
 * ids) is read back, and only the operations of a diff are written. Implementations are used from
 * one thread at a time.
 */
public interface Dataplane {

    /** What the host holds of ours, in the same keyed shape as the desired state. */
    ReadBack readBack();

    /**
     * Applies the operations of {@code StateDiff.diff(readBack.state(), desired)} in their order.
     * A NIC whose tap device does not exist yet is left pending, which is not an error.
     *
     * @throws DataplaneException when a tool fails; what was written before stays
     */
    ApplyResult apply(List<Operation> operations, HostDesiredState desired, ReadBack readBack);

    /** How many writing tool invocations this dataplane has run; reading back never counts. */
    long writeCount();
}
