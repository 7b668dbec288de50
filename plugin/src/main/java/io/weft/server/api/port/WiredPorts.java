package io.weft.server.api.port;

import io.weft.spec.host.Generation;
import io.weft.spec.host.PortStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which hosts have reported which ports WIRED, from the agents' port reports. Kept per (port,
 * host) rather than per port because a migrating port is wired on two hosts for a while
 * (make-before-break), and the old host's UNWIRED must not hide the new host's WIRED.
 *
 * <p>In memory: after a server restart a port shows unwired until its agent reports again (it does
 * on its own restart). Thread-safe: reports arrive on the dispatcher thread, reads on API threads.
 */
public final class WiredPorts {
    private record Key(String portId, String hostId) {}

    private record Report(PortStatus.State state, Generation generation) {}

    private final Map<Key, Report> reports = new HashMap<>();

    /**
     * Records a report; true when it newly makes the port wired on that host. A report of an older
     * generation than the last one from that host is stale and ignored; an equal generation is not
     * (a tap appearing or vanishing changes wiring without a new generation).
     */
    public synchronized boolean record(PortStatus status) {
        Key key = new Key(status.nicId(), status.hostId());
        Report previous = reports.get(key);
        if (previous != null && previous.generation().isAfter(status.generation())) {
            return false;
        }
        if (status.state() == PortStatus.State.UNWIRED) {
            // Remember the generation so that a late, older WIRED cannot resurrect the port.
            reports.put(key, new Report(status.state(), status.generation()));
            return false;
        }
        reports.put(key, new Report(status.state(), status.generation()));
        return previous == null || previous.state() != PortStatus.State.WIRED;
    }

    /** Whether {@code hostId}, the port's current binding, has reported it WIRED. */
    public synchronized boolean isWired(String portId, Optional<String> hostId) {
        return hostId.map(host -> reports.get(new Key(portId, host)))
                .map(report -> report.state() == PortStatus.State.WIRED)
                .orElse(false);
    }

    /** Forgets a deleted port. */
    public synchronized void forget(String portId) {
        reports.keySet().removeIf(key -> key.portId().equals(portId));
    }
}
