package io.weft.server;

import com.google.inject.AbstractModule;
import io.weft.server.http.HealthChecks;
import java.time.Clock;

/** What every feature may inject without owning it: the clock, and the database health check. */
final class ServerModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        HealthChecks.bind(binder()).addBinding().to(DatabaseHealthCheck.class);
    }
}
