package io.weft.server.api.cloudstack;

import io.weft.server.jobs.JobInstance;
import io.weft.server.tenancy.Caller;
import java.util.Optional;

/**
 * An async command that tells the job service which change it committed and which entity it is
 * about, so that {@code queryAsyncJobResult} can name the entity ({@code jobinstancetype}, {@code
 * jobinstanceid}) and report how many of the hosts the change reached have applied it.
 */
public interface TrackedCommand extends CloudStackCommand {
    /** Runs the command inside its job. */
    JobOutcome run(Caller caller, Params params);

    /** The entity the job is about, known before it runs (e.g. the network being deleted). */
    default Optional<JobInstance> instance(Params params) {
        return Optional.empty();
    }

    @Override
    default CloudStackResult execute(Caller caller, Params params) {
        return run(caller, params).result();
    }

    @Override
    default boolean async() {
        return true;
    }
}
