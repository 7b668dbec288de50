package io.weft.server.http;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** The Guice extension point through which features add paths to the HTTP server. */
public final class HttpRoutes {
    private HttpRoutes() {}

    /** In a module: {@code HttpRoutes.bind(binder()).addBinding().toProvider(...)}, or {@code @ProvidesIntoSet}. */
    public static Multibinder<HttpRoute> bind(Binder binder) {
        return Multibinder.newSetBinder(binder, HttpRoute.class);
    }
}
