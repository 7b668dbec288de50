package io.weft.server.network;

/** A network scope's (EC2 VPC's) state. */
public enum ScopeState {
    PENDING,
    AVAILABLE
}
