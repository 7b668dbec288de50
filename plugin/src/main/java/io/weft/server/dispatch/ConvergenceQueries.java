package io.weft.server.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the rest of the server may ask the dispatcher: is a change live, and where; how each host
 * stands; on which hosts a security group's latest version is live. The operator API, the port
 * API, async jobs and the lab use this and nothing else of the dispatcher.
 */
public interface ConvergenceQueries {
    /**
     * Whether this server runs a dispatcher at all. A standby runs one (and answers from what it
     * has seen, which is nothing until it leads); a server without one answers empty everywhere.
     */
    boolean dispatching();

    /** Whether this server holds the dispatcher lease and is sending updates. */
    boolean isLeader();

    /** Every host dispatched to in this epoch, by id. */
    List<HostConvergence> hosts();

    /** Empty when the host has never been dispatched to in this epoch. */
    Optional<HostConvergence> host(String hostId);

    /** Where a committed change stands now. */
    ChangeStatus change(long changeId);

    /**
     * On how many hosts the security group's latest version is live: every host that holds the
     * group (a member NIC there, or a rule there referencing it) and has applied it.
     */
    GroupConvergence group(String groupId);

    /**
     * Waits until every host the change reached has applied it, or the timeout passes; either way
     * returns where the change stands, so the caller can report who has not applied it.
     */
    ChangeStatus awaitApplied(long changeId, Duration timeout);

    /** Dispatches pending changes now rather than at the next poll. */
    void nudge();
}
