package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.dispatch.Dispatcher;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;

/**
 * How far a committed change has reached the hosts. The dispatcher is optional: a server that
 * runs without one (or before it is wired) still completes jobs, it only cannot say where the
 * change stands.
 */
public final class ChangeProgress {
    // A provider, because the dispatcher exists only once the server has started its messaging.
    private final Optional<Provider<Dispatcher>> dispatcher;

    @Inject
    public ChangeProgress(Optional<Provider<Dispatcher>> dispatcher) {
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    }

    public Optional<ChangeStatus> status(long changeId) {
        return dispatcher.map(d -> d.get().change(changeId));
    }
}
