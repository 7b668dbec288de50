package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A NIC's hybrid plumbing: VM tap ─ per-NIC Linux bridge (where iptables sees the NIC's traffic) ─
 * veth pair ─ integration bridge. {@code ovsVeth} is also the OVS port's name.
 */
public record NicPortEntry(String nicId, String tapDevice, String linuxBridge, String bridgeVeth, String ovsVeth)
        implements DesiredEntry {
    public static final String KIND = "port";

    public NicPortEntry {
        requireNonNull(nicId, "nicId is null");
        requireNonNull(tapDevice, "tapDevice is null");
        requireNonNull(linuxBridge, "linuxBridge is null");
        requireNonNull(bridgeVeth, "bridgeVeth is null");
        requireNonNull(ovsVeth, "ovsVeth is null");
    }

    @Override
    public String key() {
        return "port/" + nicId;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(nicId, tapDevice, linuxBridge, bridgeVeth, ovsVeth);
    }
}
