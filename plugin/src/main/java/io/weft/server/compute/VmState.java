package io.weft.server.compute;

/** What Weft knows of a VM's life cycle; the IaaS owns the VM itself. */
public enum VmState {
    STARTING,
    RUNNING,
    STOPPED,
    DESTROYED
}
