package io.weft.server.dispatch;

/** What operators see for a host. */
public enum HostSyncState {
    /** Never heard from, or silent for longer than the heartbeat timeout. */
    DISCONNECTED,
    /** The agent holds everything it was sent. */
    IN_SYNC,
    /** Updates are in flight or unacknowledged. */
    LAGGING,
    /** The agent reported it could not program its dataplane; it keeps retrying. */
    FAILED
}
