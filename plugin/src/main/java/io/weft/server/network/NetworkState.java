package io.weft.server.network;

/** A network's life cycle, as CloudStack shows it (Allocated, Implemented). */
public enum NetworkState {
    ALLOCATED,
    IMPLEMENTED,
    DESTROYING
}
