package io.weft.server.api.cloudstack.commands;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackCommands;
import java.util.List;

/**
 * The CloudStack commands for networks, security groups, VMs, NICs and tags, and {@code listHosts}.
 * Needs the network module's services besides what {@link CloudStackCommandsModule} needs.
 */
public final class CloudStackNetworkCommandsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Tags.class).in(Scopes.SINGLETON);
        Multibinder<CloudStackCommand> commands = CloudStackCommands.bind(binder());
        for (Class<? extends CloudStackCommand> command : List.of(
                // Here rather than with the other host commands: its virtualmachineid needs the VMs.
                HostCommands.ListCommand.class,
                NetworkCommands.ListOfferings.class,
                NetworkCommands.Create.class,
                NetworkCommands.ListCommand.class,
                NetworkCommands.Update.class,
                NetworkCommands.Delete.class,
                SecurityGroupCommands.Create.class,
                SecurityGroupCommands.ListCommand.class,
                SecurityGroupCommands.Update.class,
                SecurityGroupCommands.Delete.class,
                RuleCommands.AuthorizeIngress.class,
                RuleCommands.AuthorizeEgress.class,
                RuleCommands.RevokeIngress.class,
                RuleCommands.RevokeEgress.class,
                VmCommands.Deploy.class,
                VmCommands.ListCommand.class,
                VmCommands.Update.class,
                VmCommands.ChangeService.class,
                VmCommands.Migrate.class,
                VmCommands.Destroy.class,
                VmPowerCommands.Start.class,
                VmPowerCommands.Stop.class,
                VmPowerCommands.Reboot.class,
                VolumeCommands.ListCommand.class,
                NicCommands.ListCommand.class,
                NicCommands.Add.class,
                NicCommands.Remove.class,
                TagCommands.Create.class,
                TagCommands.Delete.class,
                TagCommands.ListCommand.class)) {
            commands.addBinding().to(command).in(Scopes.SINGLETON);
        }
    }
}
