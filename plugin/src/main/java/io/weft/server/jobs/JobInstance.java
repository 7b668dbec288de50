package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * The entity a job acts on, as CloudStack reports it in {@code jobinstancetype} and {@code
 * jobinstanceid}.
 *
 * @param type CloudStack's spelling: {@code Network}, {@code SecurityGroup}, {@code VirtualMachine}…
 */
public record JobInstance(String type, UUID id) {
    public JobInstance {
        requireNonNull(type, "type is null");
        requireNonNull(id, "id is null");
    }
}
