package io.weft.server.dispatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.hibernate.SessionFactory;

/** A dispatcher over a test database, driven by the test's own calls rather than a thread. */
final class TestingDispatchers {
    private TestingDispatchers() {}

    static Dispatcher over(SessionFactory sessions, HostChannel channel, Clock clock, DispatchSettings settings) {
        return new Dispatcher(
                new DispatcherLeaseStore(sessions),
                new OutboxReader(sessions, new FleetStore(DispatchSettings.defaults()), settings.batchSize()),
                channel,
                new HostStatusWriter(sessions),
                new DispatcherMetrics(new SimpleMeterRegistry()),
                status -> {},
                clock,
                settings);
    }
}
