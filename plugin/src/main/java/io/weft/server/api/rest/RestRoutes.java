package io.weft.server.api.rest;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** The Guice extension point through which features add REST operations under {@code /api/v1}. */
public final class RestRoutes {
    private RestRoutes() {}

    public static Multibinder<RestRoute> bind(Binder binder) {
        return Multibinder.newSetBinder(binder, RestRoute.class);
    }
}
