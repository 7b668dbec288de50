package io.weft.server.api.rest;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.HttpRoute;
import io.weft.server.tenancy.ApiKeyDirectory;
import java.util.Set;

/** Serves every bound {@link RestRoute} under {@code /api/v1}. */
public final class RestModule extends AbstractModule {
    @Override
    protected void configure() {
        RestRoutes.bind(binder());
    }

    @ProvidesIntoSet
    HttpRoute restRoute(Set<RestRoute> routes, ApiKeyDirectory directory, HttpConfig http) {
        return new HttpRoute(RestHandler.PREFIX + "/*", "rest", new RestHandler(routes, directory, http.maxFormSize()));
    }
}
