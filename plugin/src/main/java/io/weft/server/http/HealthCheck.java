package io.weft.server.http;

/**
 * A dependency that {@code /health} reports on. Features add theirs with {@link HealthChecks#bind}.
 * A check must answer quickly; it is run on every {@code /health} request.
 */
public interface HealthCheck {
    /** A short, fixed name, e.g. {@code database}. */
    String name();

    /** Whether the dependency can be used right now; throwing counts as not healthy. */
    boolean healthy() throws Exception;
}
