package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.Caller;

/**
 * Runs async commands as jobs that clients poll with {@code queryAsyncJobResult}. The edge calls
 * {@link #submit} and answers with the job id at once; the implementation records the job, runs
 * {@link CloudStackCommand#execute} in the background and keeps its {@link CloudStackResult}
 * (rendered with {@link CloudStackEnvelopes#body}) or its error as the job result.
 *
 * <p>Bound by default to {@link UnavailableAsyncJobService}; {@link CloudStackJobsModule} replaces it with
 * {@code OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class).setBinding()}.
 */
public interface AsyncJobService {
    /** Records and starts a job; returns its id. Must not run the command on the calling thread. */
    String submit(Caller caller, CloudStackCommand command, Params params);
}
