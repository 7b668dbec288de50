package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decoded Query parameters of one request, or of one member of a flattened list ({@code
 * IpPermissions.2.}). Lists are numbered from 1 ({@code Name.1}), or from 0 as AWS also accepts, and may be read under several wire names
 * (EC2's {@code Groups} and the SDK field name {@code UserIdGroupPairs}).
 */
final class Ec2Params {
    private final Map<String, String> values;
    private final String prefix;

    Ec2Params(Map<String, String> values) {
        this(values, "");
    }

    private Ec2Params(Map<String, String> values, String prefix) {
        this.values = Map.copyOf(requireNonNull(values, "values is null"));
        this.prefix = prefix;
    }

    Map<String, String> asMap() {
        return values;
    }

    Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw Ec2Failure.missing(prefix + name);
        }
        return value;
    }

    Optional<Integer> integer(String name) {
        return string(name).map(text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw Ec2Failure.invalidValue("Invalid value '" + text + "' for " + prefix + name + ": not an integer");
            }
        });
    }

    Optional<Boolean> bool(String name) {
        return string(name).map(text -> switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Ec2Failure.invalidValue(
                    "Invalid value '" + text + "' for " + prefix + name + ": must be true or false");
        });
    }

    /** {@code Name.1}, {@code Name.2}, … in index order, under any of the spellings. */
    List<String> list(String... names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            indexed(name).forEach((index, member) -> member.string("").ifPresent(found::add));
        }
        return found;
    }

    /** The members {@code Name.N.*} in index order, each seen with its own prefix stripped. */
    List<Ec2Params> structs(String... names) {
        List<Ec2Params> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(indexed(name).values());
        }
        return found;
    }

    /** The members {@code Name.*} of a struct that is not a list, seen with {@code Name.} stripped. */
    Ec2Params struct(String name) {
        String head = name + ".";
        Map<String, String> members = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(head)) {
                members.put(key.substring(head.length()), value);
            }
        });
        return new Ec2Params(members, prefix + head);
    }

    /** Whether any parameter starts with {@code Name.} under one of the spellings. */
    boolean hasAny(String... names) {
        for (String name : names) {
            String head = name + ".";
            if (values.keySet().stream().anyMatch(key -> key.startsWith(head))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Groups {@code Name.N} and {@code Name.N.rest} by N. The member of a plain list holds its value
     * under the empty name.
     */
    private Map<Integer, Ec2Params> indexed(String name) {
        String head = name + ".";
        Map<Integer, Map<String, String>> members = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(head)) {
                continue;
            }
            String rest = key.substring(head.length());
            int dot = rest.indexOf('.');
            String position = dot < 0 ? rest : rest.substring(0, dot);
            Integer index = position(position);
            if (index == null) {
                continue;
            }
            members.computeIfAbsent(index, i -> new LinkedHashMap<>())
                    .put(dot < 0 ? "" : rest.substring(dot + 1), entry.getValue());
        }
        Map<Integer, Ec2Params> result = new TreeMap<>();
        members.forEach((index, member) -> result.put(index, new Ec2Params(member, prefix + name + "." + index + ".")));
        return result;
    }

    private static Integer position(String text) {
        // ASCII digits only: Character.isDigit would take other scripts' digits as list positions.
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        // AWS numbers lists from 1 but accepts 0 as well: Libcloud sends ResourceId.0 and Tag.0.Key.
        return Integer.parseInt(text);
    }
}
