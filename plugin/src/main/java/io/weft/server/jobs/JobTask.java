package io.weft.server.jobs;

import java.util.Optional;

/**
 * One job's work, as the API edge that submitted it defines it. The jobs feature records, runs and
 * keeps the result of a task without knowing which API it speaks; the edge renders the result.
 */
public interface JobTask {
    /** The command the job runs, as {@code listAsyncJobs} reports it. */
    String command();

    /** The entity the job is about, known before it runs (e.g. the network being deleted). */
    Optional<JobInstance> instance();

    /** Runs the work on a job thread; a {@code WeftException} fails the job with its code. */
    JobResult run();
}
