package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.weft.server.api.cloudstack.AsyncCreateCommand;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CommandRegistry;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
import io.weft.spec.cloudstack.Execution;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start a server whose commands disagree with the API catalogue: every registered
 * command must be declared there under its exact name, with the same execution (sync, async or
 * async create), because clients decide from {@code listApis} whether to poll a job.
 */
public final class CatalogueCheck {
    static final String UNCATALOGUED = "weft.cloudstack.uncatalogued";

    @Inject
    public CatalogueCheck(
            CloudStackCatalogue catalogue, CommandRegistry registry, @Named(UNCATALOGUED) Set<String> uncatalogued) {
        requireNonNull(catalogue, "catalogue is null");
        List<String> problems = new ArrayList<>();
        for (CloudStackCommand command : registry.commands()) {
            Optional<CommandSpec> spec = catalogue.command(command.name());
            if (spec.isEmpty()) {
                if (!uncatalogued.contains(command.name())) {
                    problems.add(command.name() + " is not in the API catalogue");
                }
                continue;
            }
            Execution declared = spec.get().execution();
            Execution actual = !command.async()
                    ? Execution.SYNC
                    : command instanceof AsyncCreateCommand ? Execution.ASYNC_CREATE : Execution.ASYNC;
            if (declared != actual) {
                problems.add(command.name() + " runs " + actual + " but the catalogue declares " + declared);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CloudStack commands disagree with the catalogue: " + problems);
        }
    }

    /**
     * Names of commands that may be registered without a catalogue entry, for tests and
     * experiments; they are neither validated nor listed by {@code listApis}.
     */
    public static Multibinder<String> allowUncatalogued(Binder binder) {
        return Multibinder.newSetBinder(binder, String.class, Names.named(UNCATALOGUED));
    }
}
