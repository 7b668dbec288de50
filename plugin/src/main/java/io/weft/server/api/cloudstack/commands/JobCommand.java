package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.TrackedCommand;
import io.weft.server.jobs.JobInstance;
import java.util.Optional;

/**
 * An async command whose job is about the entity named by one UUID parameter (e.g. {@code id} of
 * {@code deleteNetwork}), reported as {@code jobinstancetype}/{@code jobinstanceid}.
 */
abstract class JobCommand implements TrackedCommand {
    private final String name;
    private final String instanceType;
    private final String instanceParam;

    JobCommand(String name, String instanceType, String instanceParam) {
        this.name = requireNonNull(name, "name is null");
        this.instanceType = requireNonNull(instanceType, "instanceType is null");
        this.instanceParam = requireNonNull(instanceParam, "instanceParam is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Optional<JobInstance> instance(Params params) {
        // Validation has run, so a present value is a UUID; a missing one leaves the job anonymous.
        return params.uuid(instanceParam).map(id -> new JobInstance(instanceType, id));
    }
}
