package io.weft.server.api.cloudstack.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.jobs.JobInstance;
import io.weft.server.jobs.JobView;
import java.time.Instant;
import java.util.UUID;

/**
 * A job on the wire (API-COMPAT §1.5): {@code jobid} a string, {@code jobstatus} a number, {@code
 * jobresult} omitted while pending. {@code affectedhosts}/{@code appliedhosts} are Weft's: how
 * many hosts the job's change reached and how many have applied it so far; clients ignore them.
 */
record AsyncJobResponse(
        String jobid,
        String accountid,
        String userid,
        String cmd,
        int jobstatus,
        int jobprocstatus,
        int jobresultcode,
        String jobresulttype,
        ObjectNode jobresult,
        String jobinstancetype,
        String jobinstanceid,
        Instant created,
        Instant completed,
        Long changeid,
        Integer affectedhosts,
        Integer appliedhosts) {
    static AsyncJobResponse of(JobView job) {
        return new AsyncJobResponse(
                job.id().toString(),
                job.accountId().toString(),
                job.userId().map(UUID::toString).orElse(null),
                job.command(),
                job.status().code(),
                0,
                job.resultCode(),
                "object",
                job.result().orElse(null),
                job.instance().map(JobInstance::type).orElse(null),
                job.instance().map(instance -> instance.id().toString()).orElse(null),
                job.created(),
                job.completed().orElse(null),
                job.changeId().orElse(null),
                job.change().map(change -> change.affectedHosts()).orElse(null),
                job.change().map(change -> change.appliedHosts()).orElse(null));
    }
}
