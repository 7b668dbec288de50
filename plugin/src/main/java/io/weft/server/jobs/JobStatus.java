package io.weft.server.jobs;

/** A CloudStack async job's {@code jobstatus}, numbered as on the wire. */
public enum JobStatus {
    PENDING(0),
    SUCCEEDED(1),
    FAILED(2);

    private final int code;

    JobStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static JobStatus fromCode(int code) {
        for (JobStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status " + code);
    }
}
