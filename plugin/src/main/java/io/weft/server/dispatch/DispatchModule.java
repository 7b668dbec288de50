package io.weft.server.dispatch;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.config.WeftConfig;
import io.weft.server.dispatch.messaging.HostMessaging;
import org.slf4j.LoggerFactory;

/** The dispatcher and its messaging. Port events are logged unless a feature binds a consumer. */
public final class DispatchModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostMessaging.class).in(Scopes.SINGLETON);
        com.google.inject.Provider<HostMessaging> messaging = getProvider(HostMessaging.class);
        OptionalBinder.newOptionalBinder(binder(), Dispatcher.class)
                .setBinding()
                .toProvider(() -> messaging.get().dispatcher());
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
}
