package io.weft.agent.dataplane;

import io.weft.rules.diff.Operation;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetMemberEntry;
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

    /**
     * Adds and removes set members, nothing else, without reading back first: every operation is an
     * upsert or a removal of an {@link IpSetMemberEntry}. The caller promises
     * that the dataplane holds the state these operations start from (its last pass succeeded).
     *
     * @throws DataplaneException when a tool fails, e.g. because a set is gone; the caller then
     *     falls back to a full read back, diff and apply
     * @throws IllegalArgumentException when an operation is not a member change
     */
    ApplyResult applyMembers(List<Operation> operations);

    /** An upsert or removal of one set member: what {@link #applyMembers} accepts. */
    static boolean isMemberChange(Operation operation) {
        DesiredEntry entry = operation instanceof Operation.Upsert upsert
                ? upsert.entry()
                : ((Operation.Remove) operation).previous();
        return entry instanceof IpSetMemberEntry;
    }

    /** How many writing tool invocations this dataplane has run; reading back never counts. */
    long writeCount();
}
