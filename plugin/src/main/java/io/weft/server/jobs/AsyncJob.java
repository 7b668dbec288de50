package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A CloudStack asynchronous job, polled by clients with {@code queryAsyncJobResult}. */
@Entity
@Table(name = "async_jobs")
public class AsyncJob extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @Column(name = "command", nullable = false, updatable = false, length = 128)
    private String command;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "result_code", nullable = false)
    private int resultCode;

    @Column(name = "result", length = DatabaseVendor.LONG_TEXT_LENGTH)
    private String result;

    @Column(name = "instance_type", length = 64)
    private String instanceType;

    @Column(name = "instance_uuid", length = 36)
    private UUID instanceUuid;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "completed")
    private Instant completed;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AsyncJob() {}

    public AsyncJob(UUID uuid, Account account, User user, String command, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.user = user;
        this.command = requireNonNull(command, "command is null");
        this.created = requireNonNull(created, "created is null");
        this.status = JobStatus.PENDING.code();
    }

    public Account getAccount() {
        return account;
    }

    /** The user that started the job; null for jobs the system started. */
    public User getUser() {
        return user;
    }

    public String getCommand() {
        return command;
    }

    public JobStatus getStatus() {
        return JobStatus.fromCode(status);
    }

    public int getResultCode() {
        return resultCode;
    }

    public String getResult() {
        return result;
    }

    public String getInstanceType() {
        return instanceType;
    }

    public UUID getInstanceUuid() {
        return instanceUuid;
    }

    public void setInstance(String instanceType, UUID instanceUuid) {
        this.instanceType = instanceType;
        this.instanceUuid = instanceUuid;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getCompleted() {
        return completed;
    }

    public long getVersion() {
        return version;
    }

    /** Ends the job; {@code resultJson} is the CloudStack {@code jobresult}. */
    public void complete(JobStatus outcome, int resultCode, String resultJson, Instant when) {
        if (outcome == JobStatus.PENDING) {
            throw new IllegalArgumentException("a job completes as succeeded or failed");
        }
        this.status = outcome.code();
        this.resultCode = resultCode;
        this.result = requireNonNull(resultJson, "resultJson is null");
        this.completed = requireNonNull(when, "when is null");
    }
}
