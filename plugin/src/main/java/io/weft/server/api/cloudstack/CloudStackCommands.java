package io.weft.server.api.cloudstack;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** The Guice extension point through which feature modules add CloudStack commands. */
public final class CloudStackCommands {
    private CloudStackCommands() {}

    /**
     * The set of commands; in a module's {@code configure()}: {@code
     * CloudStackCommands.bind(binder()).addBinding().to(MyCommand.class);}
     */
    public static Multibinder<CloudStackCommand> bind(Binder binder) {
        return Multibinder.newSetBinder(binder, CloudStackCommand.class);
    }
}
