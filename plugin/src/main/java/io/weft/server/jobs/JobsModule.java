package io.weft.server.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.api.cloudstack.AsyncJobService;
import io.weft.server.dispatch.ConvergenceQueries;

/**
 * Async jobs for the CloudStack API, kept in the database. Needs a {@code SessionFactory}, the
 * tenancy module, a {@code Clock} and {@link ConvergenceQueries} (which report change progress).
 */
public final class JobsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ChangeProgress.class).in(Scopes.SINGLETON);
        bind(AsyncJobs.class).in(Scopes.SINGLETON);
        OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class)
                .setBinding()
                .to(AsyncJobs.class);
    }
}
