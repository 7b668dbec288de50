package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The physical interface on the integration bridge that carries VLAN networks, tagged. */
public record UplinkEntry(String name) implements DesiredEntry {
    public static final String KIND = "uplink";

    public UplinkEntry {
        requireNonNull(name, "name is null");
    }

    @Override
    public String key() {
        return "uplink/" + name;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(name);
    }
}
