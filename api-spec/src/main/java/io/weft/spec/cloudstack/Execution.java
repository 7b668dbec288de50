package io.weft.spec.cloudstack;

/** How a command answers: at once, or with a job id that clients poll through {@code queryAsyncJobResult}. */
public enum Execution {
    /** The reply carries the result. */
    SYNC,
    /** The reply is {@code {"jobid": …}}; the result arrives as the job's {@code jobresult}. */
    ASYNC,
    /** The reply is {@code {"id": …, "jobid": …}}: the new entity's id is known before the job ends. */
    ASYNC_CREATE;

    public boolean isAsync() {
        return this != SYNC;
    }
}
