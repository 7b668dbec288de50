package io.weft.server.dispatch;

import io.weft.spec.host.PortStatus;

/** Where agents' reports that a NIC is wired or unwired go (the compute side waits for them). */
public interface PortEvents {
    void portStatus(PortStatus status);
}
