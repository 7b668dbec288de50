package io.weft.agent.dataplane.memory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The kernel's ipsets of one namespace, fed {@code ipset restore} text and printing {@code ipset save}. */
final class InMemoryIpsets {
    private record IpSet(String type, String family, TreeSet<String> members) {}

    private final Map<String, IpSet> sets = new TreeMap<>();
    private final InMemoryIptables iptables;

    InMemoryIpsets(InMemoryIptables iptables) {
        this.iptables = iptables;
    }

    String save() {
        StringBuilder out = new StringBuilder();
        sets.forEach((name, set) -> {
            out.append("create ")
                    .append(name)
                    .append(' ')
                    .append(set.type())
                    .append(" family ")
                    .append(set.family())
                    .append(" hashsize 1024 maxelem 1048576 bucketsize 12 initval 0x5eed0001\n");
            set.members().forEach(member -> out.append("add ")
                    .append(name)
                    .append(' ')
                    .append(member)
                    .append('\n'));
        });
        return out.toString();
    }

    /** {@code ipset -exist restore}: all lines are checked against a copy, then committed, as one batch. */
    void restore(String script) {
        for (String line : script.split("\n", -1)) {
            if (!line.isBlank()) {
                command(List.of(line.strip().split("\\s+")));
            }
        }
    }

    void command(List<String> tokens) {
        String verb = tokens.get(0);
        String name = tokens.size() > 1 ? tokens.get(1) : "";
        switch (verb) {
            case "create" -> {
                String family = "inet";
                for (int i = 3; i + 1 < tokens.size(); i++) {
                    if (tokens.get(i).equals("family")) {
                        family = tokens.get(i + 1);
                    }
                }
                IpSet existing = sets.get(name);
                if (existing != null && !existing.type().equals(tokens.get(2))) {
                    throw new ToolFailure("Set cannot be created: set with the same name already exists");
                }
                if (existing == null) {
                    sets.put(name, new IpSet(tokens.get(2), family, new TreeSet<>()));
                }
            }
            case "add" -> require(name).members().add(member(tokens.get(2)));
            case "del" -> require(name).members().remove(member(tokens.get(2)));
            case "flush" -> require(name).members().clear();
            case "destroy" -> {
                require(name);
                if (iptables.referencesSet(name)) {
                    throw new ToolFailure("Set cannot be destroyed: it is in use by a kernel component");
                }
                sets.remove(name);
            }
            case "swap" -> {
                IpSet first = require(name);
                IpSet second = require(tokens.get(2));
                sets.put(name, second);
                sets.put(tokens.get(2), first);
            }
            default -> throw new ToolFailure("unknown ipset command " + verb);
        }
    }

    /** The kernel prints a host route without its prefix. */
    private static String member(String member) {
        return member.endsWith("/32") || member.endsWith("/128")
                ? member.substring(0, member.lastIndexOf('/'))
                : member;
    }

    private IpSet require(String name) {
        IpSet set = sets.get(name);
        if (set == null) {
            throw new ToolFailure("The set with the given name does not exist: " + name);
        }
        return set;
    }

    int size(String name) {
        IpSet set = sets.get(name);
        return set == null ? -1 : set.members().size();
    }

    boolean exists(String name) {
        return sets.containsKey(name);
    }
}
