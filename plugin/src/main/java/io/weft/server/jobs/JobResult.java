package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a job's work produced: its result as the edge rendered it, and the newest change record it
 * committed, whose progress towards the hosts the job reports.
 */
public record JobResult(ObjectNode body, Optional<Long> changeId) {
    public JobResult {
        requireNonNull(body, "body is null");
        requireNonNull(changeId, "changeId is null");
    }
}
