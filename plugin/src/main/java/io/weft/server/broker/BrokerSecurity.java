package io.weft.server.broker;

import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.Role;

/**
 * Who may do what on the broker. The server's manager user may do everything. An agent user
 * ({@code host-<hostId>}) has two roles: {@value #AGENT_ROLE}, which may only send to {@code
 * weft.manager.#}, and {@code host-<hostId>}, which may only consume (and browse) its own {@code
 * weft.host.<hostId>}. Artemis applies the most specific match alone, so every entry repeats the
 * manager role.
 *
 * <p>Role flags, in Artemis' order: send, consume, create/delete durable queue, create/delete
 * non-durable queue, manage, browse, create/delete address, view, edit.
 */
public final class BrokerSecurity {
    public static final String MANAGER_ROLE = "weft-manager";
    public static final String AGENT_ROLE = "weft-agent";

    private BrokerSecurity() {}

    /** The permissions that hold before any agent is known, by address match. */
    static Map<String, Set<Role>> baseRoles() {
        return Map.of("#", Set.of(manager()), BrokerAddresses.MANAGER_PREFIX + "#", Set.of(manager(), agentSender()));
    }

    /** The address match and permissions of one host's queue. */
    static Map.Entry<String, Set<Role>> hostQueueRoles(String hostId) {
        Role ownQueue = new Role(
                hostRole(hostId), false, true, false, false, false, false, false, true, false, false, false, false);
        return Map.entry(BrokerAddresses.hostQueue(hostId), Set.of(manager(), ownQueue));
    }

    public static String agentUser(String hostId) {
        return "host-" + BrokerAddresses.checkHostId(hostId);
    }

    static String hostRole(String hostId) {
        return "host-" + BrokerAddresses.checkHostId(hostId);
    }

    private static Role manager() {
        return new Role(MANAGER_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static Role agentSender() {
        return new Role(AGENT_ROLE, true, false, false, false, false, false, false, false, false, false, false, false);
    }
}
