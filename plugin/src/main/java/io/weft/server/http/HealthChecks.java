package io.weft.server.http;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** The Guice extension point through which features add checks to {@code /health}. */
public final class HealthChecks {
    private HealthChecks() {}

    public static Multibinder<HealthCheck> bind(Binder binder) {
        return Multibinder.newSetBinder(binder, HealthCheck.class);
    }
}
