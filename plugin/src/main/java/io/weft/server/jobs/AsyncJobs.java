package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.dispatch.ChangeStatus;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyStore;
import io.weft.server.tenancy.User;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async jobs kept in {@code async_jobs}: a job is recorded when it is submitted, runs on a small
 * pool and is completed with its result (or the error body the edge's {@link JobFailures} renders)
 * once its work's transaction has committed. A caller sees the jobs of the accounts it may see.
 */
public final class AsyncJobs {
    static final int POOL_SIZE = 2;
    static final String INTERRUPTED_TEXT = "Job was cancelled because the management server restarted";
    static final String INTERNAL_TEXT = "Internal error executing command, please contact your system administrator";

    private static final Logger log = LoggerFactory.getLogger(AsyncJobs.class);

    private final SessionFactory sessions;
    private final TenancyStore tenancy;
    private final ChangeProgress progress;
    private final JobFailures failures;
    private final Clock clock;
    private final ExecutorService executor;

    @Inject
    public AsyncJobs(
            SessionFactory sessions, TenancyStore tenancy, ChangeProgress progress, JobFailures failures, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.failures = requireNonNull(failures, "failures is null");
        this.clock = requireNonNull(clock, "clock is null");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(POOL_SIZE, runnable -> {
            Thread thread = new Thread(runnable, "weft-async-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The service is built once per start, before the API takes requests; a job still pending
        // now belonged to a server that died, and nobody will ever finish it.
        failAbandonedJobs();
    }

    /**
     * Stops the job threads when the server stops. A job still running is interrupted and stays
     * pending in the database, where the next start fails it as abandoned.
     */
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records and starts a job; returns its id. Never runs the task on the calling thread. */
    public String submit(Caller caller, JobTask task) {
        Optional<JobInstance> instance = task.instance();
        UUID jobId = UUID.randomUUID();
        sessions.inTransaction(session -> {
            Account account = tenancy.findAccount(session, caller.accountId())
                    .orElseThrow(() -> new WeftException(ErrorCode.UNAUTHENTICATED, "the caller's account is gone"));
            User user = tenancy.findUser(session, caller.userId()).orElse(null);
            AsyncJob job = new AsyncJob(jobId, account, user, task.command(), clock.instant());
            instance.ifPresent(i -> job.setInstance(i.type(), i.id()));
            session.persist(job);
        });
        executor.execute(() -> run(jobId, task));
        return jobId.toString();
    }

    private void run(UUID jobId, JobTask task) {
        StoredResult stored;
        JobStatus status;
        int resultCode;
        try {
            JobResult result = task.run();
            stored = new StoredResult(result.body(), result.changeId());
            status = JobStatus.SUCCEEDED;
            resultCode = 0;
        } catch (WeftException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                log.error("async job {} ({}) failed", jobId, task.command(), e);
            }
            stored = new StoredResult(failures.body(e.code(), e.getMessage()), Optional.empty());
            status = JobStatus.FAILED;
            resultCode = failures.resultCode(e.code());
        } catch (RuntimeException e) {
            log.error("async job {} ({}) failed unexpectedly", jobId, task.command(), e);
            stored = new StoredResult(failures.body(ErrorCode.INTERNAL, INTERNAL_TEXT), Optional.empty());
            status = JobStatus.FAILED;
            resultCode = failures.resultCode(ErrorCode.INTERNAL);
        }
        complete(jobId, status, resultCode, stored);
    }

    private void complete(UUID jobId, JobStatus status, int resultCode, StoredResult stored) {
        try {
            sessions.inTransaction(
                    session -> find(session, jobId).complete(status, resultCode, stored.toJson(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("could not record the end of async job {}", jobId, e);
        }
    }

    /** The job, if {@code caller} may see it. */
    public JobView get(Caller caller, UUID jobId) {
        JobView stored = sessions.fromTransaction(session -> {
            AsyncJob job = session.createSelectionQuery("from AsyncJob where uuid = :uuid", AsyncJob.class)
                    .setParameter("uuid", jobId)
                    .uniqueResultOptional()
                    .filter(found -> visible(caller, found.getAccount()))
                    .orElseThrow(() -> notFound(jobId));
            return view(job);
        });
        return withProgress(stored);
    }

    /** The jobs of the caller's account, or of every account it may see when {@code all}, newest first. */
    public List<JobView> list(Caller caller, boolean all) {
        return sessions
                .fromTransaction(session -> session
                        .createSelectionQuery(
                                "from AsyncJob j join fetch j.account a join fetch a.domain order by j.created desc, j.id desc",
                                AsyncJob.class)
                        .getResultList()
                        .stream()
                        .filter(job -> all
                                ? visible(caller, job.getAccount())
                                : job.getAccount().getUuid().equals(caller.accountId()))
                        .map(this::view)
                        .toList())
                .stream()
                .map(this::withProgress)
                .toList();
    }

    private JobView view(AsyncJob job) {
        Optional<StoredResult> stored = Optional.ofNullable(job.getResult()).map(StoredResult::parse);
        Optional<Long> changeId = stored.flatMap(StoredResult::changeId);
        Optional<JobInstance> instance = job.getInstanceType() == null || job.getInstanceUuid() == null
                ? Optional.empty()
                : Optional.of(new JobInstance(job.getInstanceType(), job.getInstanceUuid()));
        return new JobView(
                job.getUuid(),
                job.getAccount().getUuid(),
                Optional.ofNullable(job.getUser()).map(User::getUuid),
                job.getCommand(),
                job.getStatus(),
                job.getResultCode(),
                stored.map(StoredResult::jobResult),
                instance,
                job.getCreated(),
                Optional.ofNullable(job.getCompleted()),
                changeId,
                Optional.empty());
    }

    /**
     * The job with where its change stands, asked of the dispatcher outside any transaction: the
     * dispatcher's one thread needs pooled database connections of its own, so an API thread that
     * held one while waiting for that thread could starve it (a few concurrent job pollers hold the
     * whole pool, the dispatcher waits for a connection, and everything stalls until timeouts).
     */
    private JobView withProgress(JobView job) {
        Optional<ChangeStatus> change = job.changeId().flatMap(progress::status);
        if (change.isEmpty()) {
            return job;
        }
        return new JobView(
                job.id(),
                job.accountId(),
                job.userId(),
                job.command(),
                job.status(),
                job.resultCode(),
                job.result(),
                job.instance(),
                job.created(),
                job.completed(),
                job.changeId(),
                change);
    }

    private static boolean visible(Caller caller, Account account) {
        if (caller.isRootAdmin() || account.getUuid().equals(caller.accountId())) {
            return true;
        }
        return caller.role() == Role.DOMAIN_ADMIN
                && account.getDomain().getPath().startsWith(caller.domainPath());
    }

    private void failAbandonedJobs() {
        sessions.inTransaction(session -> {
            List<AsyncJob> pending = session.createSelectionQuery(
                            "from AsyncJob where status = :pending", AsyncJob.class)
                    .setParameter("pending", JobStatus.PENDING.code())
                    .getResultList();
            for (AsyncJob job : pending) {
                ObjectNode body = failures.body(ErrorCode.INTERNAL, INTERRUPTED_TEXT);
                job.complete(
                        JobStatus.FAILED,
                        failures.resultCode(ErrorCode.INTERNAL),
                        new StoredResult(body, Optional.empty()).toJson(),
                        clock.instant());
            }
            if (!pending.isEmpty()) {
                log.warn("marked {} async jobs left running by a previous server as failed", pending.size());
            }
        });
    }

    private static AsyncJob find(Session session, UUID jobId) {
        return session.createSelectionQuery("from AsyncJob where uuid = :uuid", AsyncJob.class)
                .setParameter("uuid", jobId)
                .uniqueResult();
    }

    private static WeftException notFound(UUID jobId) {
        return new WeftException(
                ErrorCode.NOT_FOUND,
                "Invalid parameter jobid value=" + jobId
                        + " due to incorrect long value format, or entity does not exist or due to incorrect"
                        + " parameter annotation for the field in api cmd class.");
    }
}
