package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import io.weft.server.jobs.AsyncJobs;
import io.weft.server.jobs.JobInstance;
import io.weft.server.jobs.JobResult;
import io.weft.server.jobs.JobTask;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * CloudStack's async commands as jobs of the jobs feature: a command becomes a task whose result is
 * the command's {@code jobresult} envelope; a {@link TrackedCommand} also names its entity and the
 * change it committed.
 */
public final class CloudStackJobs implements AsyncJobService {
    private final AsyncJobs jobs;

    @Inject
    public CloudStackJobs(AsyncJobs jobs) {
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    @Override
    public String submit(Caller caller, CloudStackCommand command, Params params) {
        return jobs.submit(caller, new JobTask() {
            @Override
            public String command() {
                return command.name();
            }

            @Override
            public Optional<JobInstance> instance() {
                return command instanceof TrackedCommand tracked ? tracked.instance(params) : Optional.empty();
            }

            @Override
            public JobResult run() {
                JobOutcome outcome;
                try {
                    outcome = command instanceof TrackedCommand tracked
                            ? tracked.run(caller, params)
                            : JobOutcome.untracked(command.execute(caller, params));
                } catch (WeftException e) {
                    // The job's error text is CloudStack's, as the synchronous router's is.
                    throw new WeftException(e.code(), VanishedEntityText.of(command.name(), Optional.of(params), e), e);
                }
                return new JobResult(CloudStackEnvelopes.body(outcome.result()), outcome.changeId());
            }
        });
    }
}
