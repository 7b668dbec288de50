package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackCommand;

/** A command answered on the request thread; subclasses only name themselves and execute. */
abstract class SyncCommand implements CloudStackCommand {
    private final String name;

    SyncCommand(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean async() {
        return false;
    }
}
