package io.weft.server.network;

import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A scope's security groups, kept by the security-group feature above network: a scope is created
 * with its default group and deleted with it, and may not be deleted while it has other groups.
 */
public interface ScopeGroups {
    /** Creates the scope's default group in the session's transaction; returns its uuid. */
    UUID createDefault(Session session, NetworkScope scope);

    Optional<UUID> defaultOf(Session session, NetworkScope scope);

    /** How many groups the scope has besides its default one. */
    long othersIn(Session session, NetworkScope scope);

    /** Deletes the scope's default group, if it has one; returns its uuid. */
    Optional<UUID> deleteDefault(Session session, NetworkScope scope);
}
