package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commands the CloudStack API edge knows, by name, ignoring case. Built once from every
 * command bound with {@link CloudStackCommands#bind}; two commands with one name fail start-up.
 */
public final class CommandRegistry {
    private final Map<String, CloudStackCommand> byName;

    @Inject
    public CommandRegistry(Set<CloudStackCommand> commands) {
        requireNonNull(commands, "commands is null");
        Map<String, CloudStackCommand> map = new TreeMap<>();
        for (CloudStackCommand command : commands) {
            CloudStackCommand previous = map.put(command.name().toLowerCase(Locale.ROOT), command);
            if (previous != null) {
                throw new IllegalStateException("two CloudStack commands are named " + command.name() + ": "
                        + previous.getClass().getName() + " and "
                        + command.getClass().getName());
            }
        }
        this.byName = Map.copyOf(map);
    }

    public Optional<CloudStackCommand> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every registered command, ordered by lower-cased name (for {@code listApis} and tests). */
    public Collection<CloudStackCommand> commands() {
        return new TreeMap<>(byName).values();
    }
}
