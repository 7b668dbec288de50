package io.weft.server.api.cloudstack;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.jobs.JobFailures;

/**
 * Runs CloudStack's async commands as jobs of the jobs feature, replacing the API module's
 * {@link UnavailableAsyncJobService}, and renders failed jobs as CloudStack errors. Needs the jobs
 * module.
 */
public final class CloudStackJobsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(JobFailures.class).to(CloudStackJobFailures.class).in(Scopes.SINGLETON);
        bind(CloudStackJobs.class).in(Scopes.SINGLETON);
        OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class)
                .setBinding()
                .to(CloudStackJobs.class);
    }
}
