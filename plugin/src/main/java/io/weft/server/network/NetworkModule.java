package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tags.Taggable;
import io.weft.server.tags.TaggedType;
import io.weft.server.tags.TagsModule;
import io.weft.server.tenancy.AccountResources;
import io.weft.server.topology.TopologyOccupants;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Networks and scopes (VPCs), and the quotas the network services share. Needs a {@code
 * SessionFactory}, a {@code ChangeLog}, a {@code java.time.Clock}, the tenancy module and the
 * security-group module's {@code ScopeGroups} (a scope is created with its default group);
 * {@code ServerModules} maps the configuration onto the limits.
 */
public final class NetworkModule extends AbstractModule {
    /** Networks and scopes carry tags. */
    public static final Map<TaggedType, Taggable<?>> TAGGABLE = Map.of(
            TaggedType.NETWORK, new Taggable<>(Network.class, Network::getAccount, "network"),
            TaggedType.SCOPE, new Taggable<>(NetworkScope.class, NetworkScope::getAccount, "VPC"));

    /** Scopes (VPCs) and networks. */
    public static final List<Class<?>> ENTITIES = List.of(NetworkScope.class, Network.class);

    private final NetworkLimits limits;

    public NetworkModule(NetworkLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    protected void configure() {
        TagsModule.contribute(binder(), TAGGABLE);
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(NetworkLimits.class).toInstance(limits);
        bind(NetworkStore.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), NetworkAttachments.class)
                .setDefault()
                .toInstance(NetworkAttachments.NONE);
        bind(NetworkService.class).in(Singleton.class);
        bind(NetworkScopeService.class).in(Singleton.class);
        // What tenancy and topology, lower down, must count and delete without naming this feature.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(NetworkAccountResources.class);
        Multibinder.newSetBinder(binder(), TopologyOccupants.class).addBinding().to(NetworkOccupancy.class);
    }
}
