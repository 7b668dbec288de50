package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.service.Mutation;
import java.util.Optional;

/**
 * What a job's command produced: its {@code jobresult} and the newest change record it committed,
 * whose progress towards the hosts the job reports.
 */
public record JobOutcome(CloudStackResult result, Optional<Long> changeId) {
    public JobOutcome {
        requireNonNull(result, "result is null");
        requireNonNull(changeId, "changeId is null");
    }

    public static JobOutcome of(CloudStackResult result, Mutation<?> mutation) {
        return new JobOutcome(result, mutation.lastChangeId());
    }

    /** For commands that change nothing a host sees (accounts, domains). */
    public static JobOutcome untracked(CloudStackResult result) {
        return new JobOutcome(result, Optional.empty());
    }
}
