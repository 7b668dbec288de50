package io.weft.server.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.api.cloudstack.AsyncJobService;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.persistence.PersistentEntities;
import java.util.List;

/**
 * Async jobs for the CloudStack API, kept in the database. Needs a {@code SessionFactory}, the
 * tenancy module, a {@code Clock} and {@link ConvergenceQueries} (which report change progress).
 */
public final class JobsModule extends AbstractModule {
    /** Async jobs and their results. */
    public static final List<Class<?>> ENTITIES = List.of(AsyncJob.class);

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(ChangeProgress.class).in(Scopes.SINGLETON);
        bind(AsyncJobs.class).in(Scopes.SINGLETON);
        OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class)
                .setBinding()
                .to(AsyncJobs.class);
    }
}
