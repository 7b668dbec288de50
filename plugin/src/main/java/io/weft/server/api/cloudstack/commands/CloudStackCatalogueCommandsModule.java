package io.weft.server.api.cloudstack.commands;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackCommands;
import java.util.List;

/**
 * The CloudStack commands of the catalogue: service offerings, templates, ISOs, OS types, hypervisors
 * and disk offerings. Needs the catalogue module besides what {@link CloudStackCommandsModule} needs.
 */
public final class CloudStackCatalogueCommandsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CloudStackCommand> commands = CloudStackCommands.bind(binder());
        for (Class<? extends CloudStackCommand> command : List.of(
                ServiceOfferingCommands.Create.class,
                ServiceOfferingCommands.ListCommand.class,
                ServiceOfferingCommands.Update.class,
                ServiceOfferingCommands.Delete.class,
                TemplateCommands.Register.class,
                TemplateCommands.ListCommand.class,
                TemplateCommands.Delete.class,
                TemplateCommands.ListIsos.class,
                CatalogueLookupCommands.ListOsTypes.class,
                CatalogueLookupCommands.ListHypervisors.class,
                CatalogueLookupCommands.ListDiskOfferings.class)) {
            commands.addBinding().to(command).in(Scopes.SINGLETON);
        }
    }
}
