package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An ipset's definition; its members are separate entries so a membership change touches only them. */
public record IpSetEntry(String name, String type, String family) implements DesiredEntry {
    public static final String KIND = "ipset";

    public IpSetEntry {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(family, "family is null");
    }

    public static String keyOf(String name) {
        return "ipset/" + name;
    }

    /** Prefix shared by the keys of all members of the named set. */
    public static String memberKeyPrefix(String name) {
        return "ipset/" + name + "/";
    }

    @Override
    public String key() {
        return keyOf(name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(name, type, family);
    }
}
