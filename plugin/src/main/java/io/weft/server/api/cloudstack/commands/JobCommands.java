package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.jobs.AsyncJobs;
import io.weft.server.jobs.JobView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code queryAsyncJobResult} and {@code listAsyncJobs}. */
final class JobCommands {
    private JobCommands() {}

    static final class QueryAsyncJobResult extends SyncCommand {
        private final AsyncJobs jobs;

        @Inject
        QueryAsyncJobResult(AsyncJobs jobs) {
            super("queryAsyncJobResult");
            this.jobs = requireNonNull(jobs, "jobs is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            return CloudStackResult.inline(AsyncJobResponse.of(jobs.get(caller, params.requiredUuid("jobid"))));
        }
    }

    static final class ListAsyncJobs extends SyncCommand {
        private final AsyncJobs jobs;
        private final ApiConfig api;

        @Inject
        ListAsyncJobs(AsyncJobs jobs, ApiConfig api) {
            super("listAsyncJobs");
            this.jobs = requireNonNull(jobs, "jobs is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            // CloudStack's startdate is a day or a time; a job created at or after it is listed.
            Instant since = params.get("startdate").map(JobCommands::startOf).orElse(Instant.MIN);
            List<JobView> all = jobs.list(caller, params.bool("listall", false)).stream()
                    .filter(job -> !job.created().isBefore(since))
                    .toList();
            return Listing.of(
                    "asyncjobs", all, params, api, JobView::id, JobView::command, job -> true, AsyncJobResponse::of);
        }
    }

    private static Instant startOf(String date) {
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(date.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                    .toInstant();
        } catch (DateTimeParseException e) {
            // The validator accepted a local time such as 2024-05-01 10:00:00: read it as UTC.
            return LocalDateTime.parse(date.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
