package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;

/** What the dispatcher last told a host: the state and the generation it was sent as. */
public record SentState(Generation generation, HostDesiredState state) {
    public SentState {
        requireNonNull(generation, "generation is null");
        requireNonNull(state, "state is null");
    }
}
