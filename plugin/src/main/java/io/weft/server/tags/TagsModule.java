package io.weft.server.tags;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tenancy.AccountResources;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Tags on resources. Needs a {@code SessionFactory}, a {@code java.time.Clock} and the tenancy module. */
public final class TagsModule extends AbstractModule {
    /** Tags, whichever resource they are on. */
    public static final List<Class<?>> ENTITIES = List.of(ResourceTag.class);

    /** Adds a feature's tagged resources; call from its module's {@code configure}. */
    public static void contribute(Binder binder, Map<TaggedType, Taggable<?>> taggables) {
        MapBinder<TaggedType, Taggable<?>> map =
                MapBinder.newMapBinder(binder, new TypeLiteral<TaggedType>() {}, new TypeLiteral<Taggable<?>>() {});
        taggables.forEach((type, taggable) -> map.addBinding(type).toInstance(taggable));
    }

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(TagService.class).in(Singleton.class);
        // What tenancy, lower down, must count and delete without naming this feature.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(TagAccountResources.class);
    }
}
