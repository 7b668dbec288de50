package io.weft.spec.host;

/** What the agent did with an update. */
public enum AckStatus {
    /** Desired state accepted and the dataplane programmed to it. */
    APPLIED,
    /** Desired state accepted but programming the dataplane failed; the agent keeps retrying. */
    FAILED
}
