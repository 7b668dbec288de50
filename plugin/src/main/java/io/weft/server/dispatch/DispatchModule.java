package io.weft.server.dispatch;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.WeftConfig;
import io.weft.server.dispatch.messaging.HostMessaging;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.hibernate.SessionFactory;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher, its parts and its messaging, answering {@link ConvergenceQueries}; the server
 * starts and stops {@link DispatcherRuntime}. Port events are logged unless a feature binds a
 * consumer.
 */
public final class DispatchModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostMessaging.class).in(Scopes.SINGLETON);
        bind(ConvergenceQueries.class).to(DispatcherRuntime.class);
        OptionalBinder.newOptionalBinder(binder(), HostChannelDecorator.class)
                .setDefault()
                .toInstance(HostChannelDecorator.NONE);
        OptionalBinder.newOptionalBinder(binder(), PortEvents.class)
                .setDefault()
                .toInstance(status -> LoggerFactory.getLogger(PortEvents.class)
                        .info("NIC {} on host {} is {}", status.nicId(), status.hostId(), status.state()));
    }

    @Provides
    DispatchSettings settings(WeftConfig config) {
        return config.dispatch();
    }

    /** The whole dispatcher in one place: one part per job, composed by the loop, run on one thread. */
    @Provides
    @Singleton
    DispatcherRuntime runtime(
            SessionFactory sessions,
            HostMessaging messaging,
            PortEvents portEvents,
            MeterRegistry meters,
            Clock clock,
            DispatchSettings settings) {
        Dispatcher dispatcher = new Dispatcher(
                new DispatcherLeaseStore(sessions),
                new OutboxReader(sessions, new FleetStore(settings), settings.batchSize()),
                messaging,
                new HostStatusWriter(sessions),
                new DispatcherMetrics(meters),
                portEvents,
                clock,
                settings);
        return new DispatcherRuntime(dispatcher, messaging, settings.pollInterval());
    }
}
