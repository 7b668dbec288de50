package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.dispatch.ChangeStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One async job as {@code queryAsyncJobResult} and {@code listAsyncJobs} report it.
 *
 * @param result the CloudStack {@code jobresult}; empty while the job is pending
 * @param change where the job's change stands on the hosts, when it made one and the dispatcher runs
 */
public record JobView(
        UUID id,
        UUID accountId,
        Optional<UUID> userId,
        String command,
        JobStatus status,
        int resultCode,
        Optional<ObjectNode> result,
        Optional<JobInstance> instance,
        Instant created,
        Optional<Instant> completed,
        Optional<Long> changeId,
        Optional<ChangeStatus> change) {
    public JobView {
        requireNonNull(id, "id is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(command, "command is null");
        requireNonNull(status, "status is null");
        requireNonNull(result, "result is null");
        requireNonNull(instance, "instance is null");
        requireNonNull(created, "created is null");
        requireNonNull(completed, "completed is null");
        requireNonNull(changeId, "changeId is null");
        requireNonNull(change, "change is null");
    }
}
