package io.weft.server.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.api.cloudstack.AsyncJobService;
import io.weft.server.dispatch.Dispatcher;

/**
 * Async jobs for the CloudStack API, kept in the database. Needs a {@code SessionFactory}, the
 * tenancy module and a {@code Clock}; reports change progress when a {@link Dispatcher} is bound.
 */
public final class JobsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ChangeProgress.class).in(Scopes.SINGLETON);
        bind(AsyncJobs.class).in(Scopes.SINGLETON);
        OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class)
                .setBinding()
                .to(AsyncJobs.class);
        // No default: Optional<Dispatcher> is present once the dispatch feature binds one.
        OptionalBinder.newOptionalBinder(binder(), Dispatcher.class);
    }
}
