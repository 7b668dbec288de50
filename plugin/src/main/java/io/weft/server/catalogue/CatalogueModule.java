package io.weft.server.catalogue;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tenancy.AccountResources;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The catalogue of service offerings and templates. Needs a {@code SessionFactory}, a {@code
 * java.time.Clock}, and the tenancy module's {@code Authorizer} and {@code Ownership}.
 */
public final class CatalogueModule extends AbstractModule {
    /** Offerings and templates. */
    public static final List<Class<?>> ENTITIES = List.of(ServiceOffering.class, Template.class);

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(CatalogueStore.class).in(Singleton.class);
        bind(TemplateAccess.class).in(Singleton.class);
        bind(VmCatalogue.class).in(Singleton.class);
        bind(ServiceOfferingService.class).in(Singleton.class);
        bind(TemplateService.class).in(Singleton.class);
        // What tenancy, lower down, must delete without naming this feature.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(CatalogueAccountResources.class);
    }
}
