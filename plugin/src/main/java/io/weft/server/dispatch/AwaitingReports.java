package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts a new leader has sent nothing yet, because it waits to hear what their agents hold
 * (a heartbeat or a resync request with its hash): an agent already in sync is then confirmed with
 * an empty DELTA instead of being sent its whole state. Whoever stays silent until the deadline
 * gets a FULL, as a host that does not ack would.
 */
final class AwaitingReports {
    private final Set<String> hosts = new TreeSet<>();
    private Instant deadline = Instant.MAX;

    void await(Collection<String> hostIds, Instant until) {
        hosts.clear();
        hosts.addAll(hostIds);
        deadline = requireNonNull(until, "until is null");
    }

    boolean isAwaiting(String hostId) {
        return hosts.contains(hostId);
    }

    /** The host was sent something: it waits no longer. */
    void settled(String hostId) {
        hosts.remove(hostId);
    }

    /** Once the deadline has passed, every host still silent, which then waits no longer. */
    List<String> silentPastDeadline(Instant now) {
        if (hosts.isEmpty() || now.isBefore(deadline)) {
            return List.of();
        }
        List<String> silent = List.copyOf(hosts);
        hosts.clear();
        return silent;
    }

    void clear() {
        hosts.clear();
    }
}
