package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.Caller;

/**
 * An async command that creates an entity and answers {@code {"id": …, "jobid": …}}, such as
 * {@code deployVirtualMachine}. As in CloudStack, {@link #create} runs on the request thread and
 * records the entity in its initial state; {@link #execute} then finishes it inside the job and
 * finds the id in {@link Params#entityId()}.
 */
public interface AsyncCreateCommand extends CloudStackCommand {
    /** Records the entity and returns its id (a UUID string); failures are reported synchronously. */
    String create(Caller caller, Params params);

    @Override
    default boolean async() {
        return true;
    }
}
