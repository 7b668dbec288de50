package io.weft.spec.host;

/**
 * Queue names on the broker. Each host consumes only its own queue; agents send to the manager's
 * queue only. Broker security is set up from these names.
 */
public final class HostQueues {
    /** Prefix of per-host update queues: {@code weft.host.<hostId>}. */
    public static final String HOST_PREFIX = "weft.host.";
    /** Acks, heartbeats, resync requests and port status from every agent. */
    public static final String MANAGER = "weft.manager.inbox";

    private HostQueues() {}

    public static String hostQueue(String hostId) {
        return HOST_PREFIX + hostId;
    }
}
