package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import java.util.List;

/**
 * {@code listConfigurations}: jclouds' global API reads it, but Weft's settings live in its own
 * configuration file, not in CloudStack's global settings, so the list is empty. It is a root
 * admin's command: anyone else is told, as CloudStack tells them, that it is not there for them.
 */
public final class ListConfigurationsCommand extends SyncCommand {
    public ListConfigurationsCommand() {
        super("listConfigurations");
    }

    @Override
    public CloudStackResult execute(Caller caller, Params params) {
        if (!caller.isRootAdmin()) {
            throw new WeftException(
                    ErrorCode.UNKNOWN_COMMAND,
                    "The given command:listConfigurations does not exist or it is not available for user");
        }
        return CloudStackResult.list("configuration", List.of(), 0);
    }
}
