package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.tenancy.Caller;
import java.util.List;

/**
 * {@code listConfigurations}: jclouds' global API reads it, but Weft's settings live in its own
 * configuration file, not in CloudStack's global settings, so the list is empty.
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
