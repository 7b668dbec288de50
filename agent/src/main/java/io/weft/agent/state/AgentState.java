package io.weft.agent.state;

import static java.util.Objects.requireNonNull;

import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;

/**
 * What the agent holds: the desired state of its host, the generation it came with, and its hash
 * (kept rather than recomputed, since acks and heartbeats send it often).
 */
public record AgentState(Generation applied, HostDesiredState desired, String hash) {
    public AgentState {
        requireNonNull(applied, "applied is null");
        requireNonNull(desired, "desired is null");
        requireNonNull(hash, "hash is null");
    }

    /** A fresh agent: nothing received yet, so nothing may be removed from the dataplane on its behalf. */
    public static AgentState initial() {
        HostDesiredState empty = HostDesiredState.empty();
        return new AgentState(Generation.NONE, empty, empty.hash());
    }

    public static AgentState of(Generation applied, HostDesiredState desired) {
        return new AgentState(applied, desired, desired.hash());
    }

    /** True until the first update has been accepted. */
    public boolean isInitial() {
        return applied.equals(Generation.NONE);
    }
}
