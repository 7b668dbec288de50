package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.api.rest.RestRoute;
import io.weft.server.api.rest.RestRoutes;
import io.weft.server.dispatch.PortEvents;
import jakarta.inject.Singleton;

/**
 * The compute hand-off: the {@code /ports} operations of {@code weft-rest.openapi.yaml}, the
 * wired-state the agents report, and the {@code nic-plugged} webhook. Replaces the dispatch
 * module's logging default for port events.
 */
public final class PortApiModule extends AbstractModule {
    private final PortApiSettings settings;

    public PortApiModule(PortApiSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(PortApiSettings.class).toInstance(settings);
        bind(WiredPorts.class).in(Singleton.class);
        bind(PortApi.class).in(Singleton.class);
        bind(PortApiEvents.class).in(Singleton.class);
        bind(PortHosts.class).to(DatabasePortHosts.class);
        OptionalBinder.newOptionalBinder(binder(), PortEvents.class)
                .setBinding()
                .to(PortApiEvents.class);

        Provider<PortApi> ports = getProvider(PortApi.class);
        Multibinder<RestRoute> routes = RestRoutes.bind(binder());
        routes.addBinding()
                .toInstance(new RestRoute("POST", "/ports", r -> ports.get().create(r)));
        routes.addBinding().toInstance(new RestRoute("GET", "/ports/{portId}", r -> ports.get()
                .get(r)));
        routes.addBinding().toInstance(new RestRoute("DELETE", "/ports/{portId}", r -> ports.get()
                .delete(r)));
        routes.addBinding().toInstance(new RestRoute("PUT", "/ports/{portId}/binding", r -> ports.get()
                .bind(r)));
        routes.addBinding().toInstance(new RestRoute("DELETE", "/ports/{portId}/binding", r -> ports.get()
                .unbind(r)));
        routes.addBinding().toInstance(new RestRoute("PUT", "/ports/{portId}/security-groups", r -> ports.get()
                .setGroups(r)));
    }

    /** The webhook when a URL is configured; otherwise events only update the wired state. */
    @Provides
    @Singleton
    NicPluggedSink nicPlugged(PortApiSettings settings) {
        return settings.webhookUrl()
                .<NicPluggedSink>map(url -> new NicPluggedWebhook(
                        url, settings.webhookSecret().orElseThrow(), Backoff.upTo(settings.webhookMaxBackoff())))
                .orElse(NicPluggedSink.NONE);
    }
}
