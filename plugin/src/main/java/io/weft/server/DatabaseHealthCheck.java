package io.weft.server;

import static java.util.Objects.requireNonNull;

import io.weft.server.http.HealthCheck;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;

/** {@code database} in {@code /health}: a pooled connection that answers within two seconds. */
final class DatabaseHealthCheck implements HealthCheck {
    private final SessionFactory sessions;

    @Inject
    DatabaseHealthCheck(SessionFactory sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean healthy() {
        return sessions.isOpen()
                && sessions.fromSession(session -> session.doReturningWork(connection -> connection.isValid(2)));
    }
}
