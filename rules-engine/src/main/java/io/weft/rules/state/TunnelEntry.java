package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The single flow-based tunnel port of one type ({@code vxlan} or {@code gre}): remote endpoint and
 * key are chosen per packet by the flows ({@code remote_ip=flow}, {@code key=flow}).
 */
public record TunnelEntry(String type, String portName, String localIp) implements DesiredEntry {
    public static final String KIND = "tunnel";

    public TunnelEntry {
        requireNonNull(type, "type is null");
        requireNonNull(portName, "portName is null");
        requireNonNull(localIp, "localIp is null");
    }

    @Override
    public String key() {
        return "tunnel/" + type;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(type, portName, localIp);
    }
}
