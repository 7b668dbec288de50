package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.spec.CatalogueException;
import io.weft.spec.json.CatalogueResource;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every command of the CloudStack-compatible API, sorted by name. */
public record CloudStackCatalogue(List<CommandSpec> commands) {
    public static final String RESOURCE = "/io/weft/spec/cloudstack-commands.json";

    public CloudStackCatalogue {
        commands = requireNonNull(commands, "commands is null").stream()
                .sorted(Comparator.comparing(CommandSpec::name))
                .toList();
        Set<String> names = new HashSet<>();
        for (CommandSpec command : commands) {
            if (!names.add(command.name())) {
                throw new CatalogueException("command " + command.name() + " is declared twice");
            }
        }
        for (CommandSpec command : commands) {
            for (String related : command.related()) {
                if (!names.contains(related)) {
                    throw new CatalogueException(command.name() + " names an unknown related command " + related);
                }
            }
        }
    }

    /** The catalogue shipped with this module. */
    public static CloudStackCatalogue load() {
        return parse(CatalogueResource.read(CloudStackCatalogue.class, RESOURCE), RESOURCE);
    }

    public static CloudStackCatalogue parse(InputStream in, String where) {
        return parse(CatalogueResource.parse(in, where), where);
    }

    private static CloudStackCatalogue parse(JsonNode root, String where) {
        return new CloudStackCatalogue(new CloudStackCatalogueReader(root, where).commands());
    }

    /**
     * The command called exactly {@code name}. Command names are case-sensitive in CloudStack, unlike parameter
     * names.
     */
    public Optional<CommandSpec> command(String name) {
        requireNonNull(name, "name is null");
        return commands.stream().filter(command -> command.name().equals(name)).findFirst();
    }
}
