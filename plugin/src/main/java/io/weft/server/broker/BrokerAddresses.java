package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.HostQueues;
import java.util.regex.Pattern;

/**
 * The broker's address names, which broker security matches on, as the host message contract
 * ({@link HostQueues}) defines them: one queue per host that only its
 * agent may consume, and manager queues that every agent may send to.
 */
public final class BrokerAddresses {
    /** {@code weft.host.<hostId>}: updates for one host. */
    public static final String HOST_PREFIX = HostQueues.HOST_PREFIX;
    /** {@code weft.manager.<name>}: what agents send to the server (acks, heartbeats, resync requests). */
    public static final String MANAGER_PREFIX = HostQueues.MANAGER_PREFIX;

    /** Host ids become address names and user names, so they may not contain the broker's wildcards. */
    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private BrokerAddresses() {}

    public static String hostQueue(String hostId) {
        return HostQueues.hostQueue(checkHostId(hostId));
    }

    public static String managerQueue(String name) {
        return MANAGER_PREFIX + requireNonNull(name, "name is null");
    }

    static String checkHostId(String hostId) {
        requireNonNull(hostId, "hostId is null");
        if (!HOST_ID.matcher(hostId).matches()) {
            throw new IllegalArgumentException("host id must be letters, digits, '-' or '_': " + hostId);
        }
        return hostId;
    }
}
