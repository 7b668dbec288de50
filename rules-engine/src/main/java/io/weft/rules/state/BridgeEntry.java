package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The OVS integration bridge. */
public record BridgeEntry(String name, String datapathType) implements DesiredEntry {
    public static final String KIND = "bridge";

    public BridgeEntry {
        requireNonNull(name, "name is null");
        requireNonNull(datapathType, "datapathType is null");
    }

    @Override
    public String key() {
        return "bridge/" + name;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(name, datapathType);
    }
}
