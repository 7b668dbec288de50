package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.CommandRegistry;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.RootAdminCommands;
import io.weft.server.tenancy.Caller;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
import io.weft.spec.cloudstack.ListApisRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code listApis}: the catalogue entries of the commands this server runs, rendered by {@link
 * ListApisRenderer} so that CloudMonkey's {@code sync} and cloudstack-go read what the validator
 * enforces. Related commands that are not served, or not to this caller, are left out of {@code related}.
 */
public final class ListApisCommand extends SyncCommand {
    private final CloudStackCatalogue catalogue;
    // A provider, because the registry holds this command itself.
    private final Provider<CommandRegistry> registry;

    @Inject
    public ListApisCommand(CloudStackCatalogue catalogue, Provider<CommandRegistry> registry) {
        super("listApis");
        this.catalogue = catalogue;
        this.registry = registry;
    }

    @Override
    public CloudStackResult execute(Caller caller, Params params) {
        // As CloudStack's listApis: only what the caller's role may run.
        Set<String> served = registry.get().commands().stream()
                .map(CloudStackCommand::name)
                .filter(name -> RootAdminCommands.availableTo(caller, name))
                .collect(Collectors.toSet());
        List<CommandSpec> specs = catalogue.commands().stream()
                .filter(spec -> served.contains(spec.name()))
                .map(spec -> new CommandSpec(
                        spec.name(),
                        spec.description(),
                        spec.execution(),
                        spec.since(),
                        spec.related().stream().filter(served::contains).toList(),
                        spec.params(),
                        spec.responseKind(),
                        spec.responseObjectName(),
                        spec.response()))
                .toList();
        Map<String, Object> body = ListApisRenderer.render(new CloudStackCatalogue(specs), params.get("name"));
        return CloudStackResult.inline(body);
    }
}
