package io.weft.server.api.cloudstack.commands;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackCommands;
import io.weft.server.api.cloudstack.ParameterValidator;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import jakarta.inject.Singleton;

/**
 * The catalogue-driven parts of the CloudStack API (validation, the start-up check, {@code
 * listApis}) and the commands that need only tenancy, topology and jobs. Needs the CloudStack API,
 * tenancy, topology and jobs modules.
 */
public final class CloudStackCommandsModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ParameterValidator.class)
                .setBinding()
                .to(CatalogueParameterValidator.class);
        CatalogueCheck.allowUncatalogued(binder());
        bind(CatalogueCheck.class).asEagerSingleton();
        bind(Owners.class).in(Scopes.SINGLETON);
        Multibinder<CloudStackCommand> commands = CloudStackCommands.bind(binder());
        for (Class<? extends CloudStackCommand> command : java.util.List.of(
                ListApisCommand.class,
                ListConfigurationsCommand.class,
                JobCommands.QueryAsyncJobResult.class,
                JobCommands.ListAsyncJobs.class,
                DomainCommands.Create.class,
                DomainCommands.ListCommand.class,
                DomainCommands.Delete.class,
                AccountCommands.Create.class,
                AccountCommands.ListCommand.class,
                AccountCommands.Delete.class,
                AccountCommands.Disable.class,
                AccountCommands.Enable.class,
                AccountCommands.Update.class,
                UserCommands.Create.class,
                UserCommands.ListCommand.class,
                UserCommands.RegisterKeys.class,
                UserCommands.GetKeys.class,
                ZoneCommands.Create.class,
                ZoneCommands.ListCommand.class,
                ZoneCommands.Update.class,
                ZoneCommands.Delete.class,
                PodCommands.Create.class,
                PodCommands.ListCommand.class,
                PodCommands.Update.class,
                PodCommands.Delete.class,
                ClusterCommands.Add.class,
                ClusterCommands.ListCommand.class,
                ClusterCommands.Delete.class,
                HostCommands.Add.class,
                HostCommands.Delete.class,
                RoleCommands.ListCommand.class,
                UserLifecycleCommands.Update.class,
                UserLifecycleCommands.Enable.class,
                UserLifecycleCommands.Disable.class,
                UserLifecycleCommands.Lock.class,
                UserLifecycleCommands.Delete.class,
                HostOperationCommands.UpdateCluster.class,
                HostOperationCommands.UpdateHost.class,
                HostOperationCommands.PrepareMaintenance.class,
                HostOperationCommands.CancelMaintenance.class)) {
            commands.addBinding().to(command).in(Scopes.SINGLETON);
        }
        EmptyListCommand.ALL.forEach(command -> commands.addBinding().toInstance(command));
    }

    @Provides
    @Singleton
    CloudStackCatalogue catalogue() {
        return CloudStackCatalogue.load();
    }
}
