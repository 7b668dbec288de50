package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.ConvergenceQueries;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * How far a committed change has reached the hosts. A server that runs without a dispatcher still
 * completes jobs, it only cannot say where the change stands.
 */
public final class ChangeProgress {
    private final ConvergenceQueries convergence;

    @Inject
    public ChangeProgress(ConvergenceQueries convergence) {
        this.convergence = requireNonNull(convergence, "convergence is null");
    }

    public Optional<ChangeStatus> status(long changeId) {
        return convergence.dispatching() ? Optional.of(convergence.change(changeId)) : Optional.empty();
    }
}
