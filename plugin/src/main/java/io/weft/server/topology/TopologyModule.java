package io.weft.server.topology;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.persistence.PersistentEntities;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Topology: a service per aggregate (zones, pods, clusters, hosts) and their store. Needs a {@code
 * SessionFactory}, a {@code SecretCipher}, a {@code java.time.Clock}, a {@code ChangeLog}, an {@link
 * AgentAccess} and the tenancy module's {@code Authorizer} and {@code ApiKeys}. Higher features add
 * their {@link TopologyOccupants}; the set may be empty.
 */
public final class TopologyModule extends AbstractModule {
    /** Zones with their segment ranges, pods, clusters and hosts. */
    public static final List<Class<?>> ENTITIES =
            List.of(Zone.class, ZoneSegmentRange.class, Pod.class, Cluster.class, Host.class);

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TopologyOccupants.class);
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(TopologyStore.class).in(Singleton.class);
        bind(TopologyOperations.class).in(Singleton.class);
        bind(ZoneService.class).in(Singleton.class);
        bind(PodService.class).in(Singleton.class);
        bind(ClusterService.class).in(Singleton.class);
        bind(HostService.class).in(Singleton.class);
        bind(AgentDirectory.class).in(Singleton.class);
    }
}
