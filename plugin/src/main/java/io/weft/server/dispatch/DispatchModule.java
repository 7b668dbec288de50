package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.dispatch.messaging.HostMessaging;
import io.weft.server.persistence.PersistentEntities;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.hibernate.SessionFactory;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher, its parts and its messaging, answering {@link ConvergenceQueries}; the server
 * starts and stops {@link DispatcherRuntime}. Port events are logged unless a feature binds a
 * consumer.
 */
public final class DispatchModule extends AbstractModule {
    /** The lease that says which server dispatches. */
    public static final List<Class<?>> ENTITIES = List.of(DispatcherLease.class);

    private final DispatchSettings settings;

    public DispatchModule(DispatchSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(DispatchSettings.class).toInstance(settings);
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
