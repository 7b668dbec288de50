package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one command call, looked up case-insensitively (jclouds sends {@code listAll},
 * CloudStack documents {@code listall}). Errors use CloudStack's standard messages.
 */
public final class Params {
    private static final Pattern INDEXED = Pattern.compile("([^\\[]+)\\[(\\d+)]\\.(.+)");

    private final String command;
    private final Map<String, String> values;
    private final Optional<String> entityId;

    private Params(String command, Map<String, String> values, Optional<String> entityId) {
        this.command = command;
        this.values = values;
        this.entityId = entityId;
    }

    /** @param raw parameter names as sent; for a name sent in several spellings, the first wins */
    public static Params of(String command, Map<String, String> raw) {
        requireNonNull(command, "command is null");
        requireNonNull(raw, "raw is null");
        Map<String, String> values = new TreeMap<>();
        raw.forEach((name, value) -> values.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new Params(command, Collections.unmodifiableMap(values), Optional.empty());
    }

    /** The command name as registered, e.g. {@code listZones}. */
    public String command() {
        return command;
    }

    /** The lower-cased names of all parameters, including transport ones such as {@code apikey}. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The value, if present and not empty (CloudStack treats {@code name=} as absent). */
    public Optional<String> get(String name) {
        String value = values.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> missing(name));
    }

    public Optional<UUID> uuid(String name) {
        return get(name).map(value -> parseUuid(name, value));
    }

    public UUID requiredUuid(String name) {
        return parseUuid(name, required(name));
    }

    /** As CloudStack parses booleans ({@code Boolean.valueOf}): only "true", in any case, is true. */
    public Optional<Boolean> bool(String name) {
        return get(name).map("true"::equalsIgnoreCase);
    }

    public boolean bool(String name, boolean defaultValue) {
        return bool(name).orElse(defaultValue);
    }

    public Optional<Long> number(String name) {
        return get(name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(name, value);
            }
        });
    }

    /** A comma-separated list ({@code cidrlist=10.0.0.0/8,192.168.0.0/16}); empty when absent. */
    public List<String> list(String name) {
        return get(name).map(value -> List.of(value.split("\\s*,\\s*"))).orElse(List.of()).stream()
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * An indexed map parameter ({@code tags[0].key=k&tags[0].value=v}) as one map per index, in
     * index order, with lower-cased field names.
     */
    public List<Map<String, String>> indexed(String name) {
        String prefix = name.toLowerCase(Locale.ROOT);
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = INDEXED.matcher(key);
            if (matcher.matches() && matcher.group(1).equals(prefix)) {
                int index;
                try {
                    index = Integer.parseInt(matcher.group(2));
                } catch (NumberFormatException e) {
                    throw invalid(key, value);
                }
                byIndex.computeIfAbsent(index, i -> new TreeMap<>()).put(matcher.group(3), value);
            }
        });
        List<Map<String, String>> result = new ArrayList<>();
        byIndex.values().forEach(entry -> result.add(Collections.unmodifiableMap(entry)));
        return List.copyOf(result);
    }

    /** For async create commands: the id {@link AsyncCreateCommand#create} returned. */
    public Optional<String> entityId() {
        return entityId;
    }

    public Params withEntityId(String id) {
        return new Params(command, values, Optional.of(requireNonNull(id, "id is null")));
    }

    public WeftException missing(String name) {
        return new WeftException(
                ErrorCode.MISSING_PARAMETER,
                "Unable to execute API command " + command.toLowerCase(Locale.ROOT) + " due to missing parameter "
                        + name.toLowerCase(Locale.ROOT));
    }

    public WeftException invalid(String name, String value) {
        return new WeftException(
                ErrorCode.INVALID_PARAMETER,
                "Unable to execute API command " + command.toLowerCase(Locale.ROOT) + " due to invalid value " + value
                        + " for parameter " + name.toLowerCase(Locale.ROOT));
    }

    private UUID parseUuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new WeftException(
                    ErrorCode.INVALID_PARAMETER,
                    "Invalid parameter " + name.toLowerCase(Locale.ROOT) + " value=" + value
                            + " due to incorrect long value format, or entity does not exist or due to incorrect"
                            + " parameter annotation for the field in api cmd class.");
        }
    }

    @Override
    public String toString() {
        return "Params[" + command + ", " + values.keySet() + "]";
    }
}
