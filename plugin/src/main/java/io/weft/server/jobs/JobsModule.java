package io.weft.server.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tenancy.AccountResources;
import io.weft.server.tenancy.UserReferences;
import java.util.List;

/**
 * Async jobs, kept in the database. Needs a {@code SessionFactory}, the tenancy module, a {@code
 * Clock}, {@link ConvergenceQueries} (which report change progress) and the {@link JobFailures} of
 * the edge that runs jobs.
 */
public final class JobsModule extends AbstractModule {
    /** Async jobs and their results. */
    public static final List<Class<?>> ENTITIES = List.of(AsyncJob.class);

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(ChangeProgress.class).in(Scopes.SINGLETON);
        bind(AsyncJobs.class).in(Scopes.SINGLETON);
        // What tenancy, lower down, must delete or let go of without naming jobs.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(JobAccountResources.class);
        Multibinder.newSetBinder(binder(), UserReferences.class).addBinding().to(JobUserReferences.class);
    }
}
