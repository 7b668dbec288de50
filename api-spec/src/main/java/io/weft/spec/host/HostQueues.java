package io.weft.spec.host;

/**
 * Queue names on the broker. Each host consumes only its own queue; agents send to the manager's
 * queue only. Broker security is set up from these names.
 */
public final class HostQueues {
    /** Prefix of per-host update queues: {@code weft.host.<hostId>}. */
    public static final String HOST_PREFIX = "weft.host.";
    /** Prefix of the manager's queues: the only addresses an agent may send to. */
    public static final String MANAGER_PREFIX = "weft.manager.";
    /** Acks, heartbeats, resync requests and port status from every agent. */
    public static final String MANAGER = MANAGER_PREFIX + "inbox";

    private HostQueues() {}

    public static String hostQueue(String hostId) {
        return HOST_PREFIX + hostId;
    }
}
