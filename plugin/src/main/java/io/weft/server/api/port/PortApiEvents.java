package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.PortEvents;
import io.weft.spec.host.PortStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' port reports, as the compute side sees them: they keep {@link WiredPorts} current, and a
 * port newly wired on a host becomes a {@code nic-plugged} event. Called on the dispatcher's
 * thread, so it only records and hands off.
 */
public final class PortApiEvents implements PortEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PortApiEvents.class);

    private final WiredPorts wired;
    private final NicPluggedSink sink;
    private final Clock clock;

    @Inject
    public PortApiEvents(WiredPorts wired, NicPluggedSink sink, Clock clock) {
        this.wired = requireNonNull(wired, "wired is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void portStatus(PortStatus status) {
        LOG.info("port {} on host {} is {}", status.nicId(), status.hostId(), status.state());
        if (wired.record(status)) {
            sink.accept(new NicPlugged(status.nicId(), status.hostId(), clock.instant()));
        }
    }
}
