package io.weft.server.topology;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;

/**
 * Topology: a service per aggregate (zones, pods, clusters, hosts) and their store. Needs a {@code
 * SessionFactory}, a {@code SecretCipher}, a {@code java.time.Clock}, a {@code ChangeLog}, an {@link
 * AgentAccess} and the tenancy module's {@code Authorizer} and {@code ApiKeys}. Higher features add
 * their {@link TopologyOccupants}; the set may be empty.
 */
public final class TopologyModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TopologyOccupants.class);
        bind(TopologyStore.class).in(Singleton.class);
        bind(TopologyOperations.class).in(Singleton.class);
        bind(ZoneService.class).in(Singleton.class);
        bind(PodService.class).in(Singleton.class);
        bind(ClusterService.class).in(Singleton.class);
        bind(HostService.class).in(Singleton.class);
    }
}
