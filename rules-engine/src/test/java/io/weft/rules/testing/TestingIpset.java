package io.weft.rules.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stateful fake of {@code ipset -exist restore} and {@code ipset save}. Like the kernel, it
 * prints members in no particular order and adds header options we never wrote.
 */
public final class TestingIpset {
    private record Set_(String header, Set<String> members) {}

    private final Map<String, Set_> sets = new TreeMap<>();

    public TestingIpset() {
        sets.put("host-set", new Set_("hash:ip family inet", new LinkedHashSet<>(List.of("192.0.2.77"))));
    }

    public void restoreExist(String script) {
        for (String line : script.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] tokens = line.split(" ");
            switch (tokens[0]) {
                case "create" -> {
                    String header = String.join(" ", List.of(tokens).subList(2, tokens.length));
                    Set_ existing = sets.get(tokens[1]);
                    if (existing != null && !existing.header().equals(header)) {
                        throw new IllegalStateException("ipset: set " + tokens[1] + " exists with another type");
                    }
                    sets.putIfAbsent(tokens[1], new Set_(header, new LinkedHashSet<>()));
                }
                case "add" -> existing(tokens[1]).members().add(tokens[2]);
                case "del" -> existing(tokens[1]).members().remove(tokens[2]);
                case "flush" -> existing(tokens[1]).members().clear();
                case "swap" -> {
                    Set_ first = existing(tokens[1]);
                    Set_ second = existing(tokens[2]);
                    sets.put(tokens[1], second);
                    sets.put(tokens[2], first);
                }
                case "destroy" -> {
                    existing(tokens[1]);
                    sets.remove(tokens[1]);
                }
                default -> throw new IllegalStateException("ipset: unknown command " + line);
            }
        }
    }

    public String save() {
        StringBuilder out = new StringBuilder();
        sets.forEach((name, set) -> {
            out.append("create ")
                    .append(name)
                    .append(' ')
                    .append(set.header())
                    .append(" bucketsize 12 initval 0x1a2b3c4d\n");
            List<String> members = new ArrayList<>(set.members());
            Collections.reverse(members);
            members.forEach(member ->
                    out.append("add ").append(name).append(' ').append(member).append('\n'));
        });
        return out.toString();
    }

    public Set<String> members(String name) {
        return Set.copyOf(existing(name).members());
    }

    private Set_ existing(String name) {
        Set_ set = sets.get(name);
        if (set == null) {
            throw new IllegalStateException("ipset: the set with the given name does not exist: " + name);
        }
        return set;
    }
}
