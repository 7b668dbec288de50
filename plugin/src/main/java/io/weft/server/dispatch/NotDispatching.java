package io.weft.server.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answers of a server that runs no dispatcher: it has sent nothing, so it knows of no host and
 * no change has been dispatched by it. Callers that can do without progress (async jobs) check
 * {@link #dispatching()} and report none rather than "pending" forever.
 */
public final class NotDispatching implements ConvergenceQueries {
    @Override
    public boolean dispatching() {
        return false;
    }

    @Override
    public boolean isLeader() {
        return false;
    }

    @Override
    public List<HostConvergence> hosts() {
        return List.of();
    }

    @Override
    public Optional<HostConvergence> host(String hostId) {
        return Optional.empty();
    }

    @Override
    public ChangeStatus change(long changeId) {
        return ChangeStatus.pending(changeId);
    }

    @Override
    public GroupConvergence group(String groupId) {
        return new GroupConvergence(groupId, Optional.empty(), new TreeMap<>());
    }

    /** Returns at once: nothing here will ever apply the change. */
    @Override
    public ChangeStatus awaitApplied(long changeId, Duration timeout) {
        return change(changeId);
    }

    @Override
    public void nudge() {}
}
