package io.weft.server.http;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/** The HTTP server and {@code /health}; other features add routes and health checks. */
public final class HttpModule extends AbstractModule {
    public static final String HEALTH_PATH = "/health";

    @Override
    protected void configure() {
        bind(WeftHttpServer.class).in(Scopes.SINGLETON);
        bind(HealthHandler.class).in(Scopes.SINGLETON);
        HttpRoutes.bind(binder());
        HealthChecks.bind(binder());
    }

    @ProvidesIntoSet
    HttpRoute healthRoute(HealthHandler handler) {
        return new HttpRoute(HEALTH_PATH, "health", handler);
    }
}
