package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.tenancy.Caller;
import java.util.List;

/**
 * {@code listConfigurations}: jclouds' global API reads it, but Weft's settings live in its own
 * configuration file, not in CloudStack's global settings, so the list is empty. It is a root
 * admin's command ({@link io.weft.server.api.cloudstack.RootAdminCommands}): anyone else is told, as
 * CloudStack tells them, that it is not there for them.
 */
public final class ListConfigurationsCommand extends SyncCommand {
    public ListConfigurationsCommand() {
        super("listConfigurations");
    }

    @Override
    public CloudStackResult execute(Caller caller, Params params) {
        return CloudStackResult.list("configuration", List.of(), 0);
    }
}
