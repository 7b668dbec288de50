package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.PortEvents;
import io.weft.spec.host.PortStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' port reports, as the compute side sees them: they keep {@link WiredPorts} current, and a
 * port newly wired on the host it is bound to becomes a {@code nic-plugged} event. Called on the dispatcher's
 * thread, so it only records and hands off.
 */
public final class PortApiEvents implements PortEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PortApiEvents.class);

    private final WiredPorts wired;
    private final NicPluggedSink sink;
    private final Clock clock;
    private final PortHosts portHosts;

    @Inject
    public PortApiEvents(WiredPorts wired, NicPluggedSink sink, Clock clock, PortHosts portHosts) {
        this.wired = requireNonNull(wired, "wired is null");
        this.portHosts = requireNonNull(portHosts, "portHosts is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void portStatus(PortStatus status) {
        LOG.info("port {} on host {} is {}", status.nicId(), status.hostId(), status.state());
        // An agent speaks for its own host only (the inbox checked that), but it could still name a
        // port bound elsewhere: WIRED counts only from the port's own host.
        if (status.state() == PortStatus.State.WIRED
                && !portHosts.hostOf(status.nicId()).equals(Optional.of(status.hostId()))) {
            LOG.info(
                    "ignoring WIRED for port {} from host {}: the port is not bound there",
                    status.nicId(),
                    status.hostId());
            return;
        }
        if (wired.record(status)) {
            sink.accept(new NicPlugged(status.nicId(), status.hostId(), clock.instant()));
        }
    }
}
