package io.weft.server.network.model;

/** What Weft knows of a VM's life cycle; the IaaS owns the VM itself. */
public enum VmState {
    STARTING,
    RUNNING,
    STOPPED,
    DESTROYED
}
