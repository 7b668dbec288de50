package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SessionFactory;

/** Reads a port's host from {@code nics.host_id}; asked once per port report, which is rare. */
public final class DatabasePortHosts implements PortHosts {
    private final SessionFactory sessions;

    @Inject
    public DatabasePortHosts(SessionFactory sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    @Override
    public Optional<String> hostOf(String portId) {
        UUID id;
        try {
            id = UUID.fromString(portId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return sessions.fromTransaction(session -> session.createSelectionQuery(
                                "select n.host.uuid from Nic n where n.uuid = :id", UUID.class)
                        .setParameter("id", id)
                        .uniqueResultOptional())
                .map(UUID::toString);
    }
}
