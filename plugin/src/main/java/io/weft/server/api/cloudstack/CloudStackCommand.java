package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.Caller;

/**
 * One command of the CloudStack-compatible API. Implementations are stateless singletons that
 * read their parameters from {@link Params}, call a service and return a {@link CloudStackResult};
 * failures are {@link io.weft.server.error.WeftException}s, which the edge maps to the wire.
 *
 * <p>Register a command in a feature module with {@link CloudStackCommands#bind}:
 *
 * <pre>{@code
 * CloudStackCommands.bind(binder()).addBinding().to(ListZonesCommand.class);
 * }</pre>
 *
 * <p>A sync command's result is sent back at once. For an async command ({@link #async()} true),
 * the edge hands the command to the {@link AsyncJobService}, answers {@code {"jobid": …}} at once,
 * and the job service calls {@link #execute} later; its result becomes the job's {@code
 * jobresult}. Async create commands implement {@link AsyncCreateCommand}.
 */
public interface CloudStackCommand {
    /** The command name as clients send it, e.g. {@code listZones}; matched case-insensitively. */
    String name();

    /** Whether the command runs as an async job; must agree with the API catalogue. */
    boolean async();

    /**
     * Runs the command for {@code caller}. Called on the request thread for sync commands and by
     * the job service for async ones.
     */
    CloudStackResult execute(Caller caller, Params params);
}
