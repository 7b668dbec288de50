package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One of our iptables chains in the filter table of one family, as a whole: its rules are the text
 * after {@code -A <chain>} exactly as iptables-save prints it, so read-back compares by equality.
 */
public record ChainEntry(String family, String name, List<String> rules) implements DesiredEntry {
    public static final String KIND = "chain";

    public ChainEntry {
        requireNonNull(family, "family is null");
        requireNonNull(name, "name is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    public static String keyOf(String family, String name) {
        return "chain/" + family + "/" + name;
    }

    @Override
    public String key() {
        return keyOf(family, name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(family, name), rules.stream())
                .toList();
    }
}
