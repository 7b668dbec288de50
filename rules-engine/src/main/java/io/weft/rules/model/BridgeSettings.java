package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host's OVS integration bridge: its name, datapath type ({@code system}, or {@code netdev}
 * for the userspace datapath the lab uses), the uplink that carries VLAN networks, and whether
 * the bridge answers ARP for known addresses itself.
 */
public record BridgeSettings(
        String integrationBridge, String datapathType, Optional<String> vlanUplink, boolean arpResponder) {
    static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    public BridgeSettings {
        requireNonNull(integrationBridge, "integrationBridge is null");
        requireNonNull(datapathType, "datapathType is null");
        requireNonNull(vlanUplink, "vlanUplink is null");
        requireDeviceName(integrationBridge, "integration bridge");
        vlanUplink.ifPresent(uplink -> requireDeviceName(uplink, "VLAN uplink"));
        if (!datapathType.equals("system") && !datapathType.equals("netdev")) {
            throw new InvalidModelException("datapath type must be system or netdev, not '" + datapathType + "'");
        }
    }

    public static BridgeSettings defaults() {
        return new BridgeSettings("br-weft", "system", Optional.empty(), true);
    }

    static void requireDeviceName(String name, String what) {
        if (!DEVICE_NAME.matcher(name).matches()) {
            throw new InvalidModelException(
                    what + " name '" + name + "' is not a Linux device name (1-15 of [A-Za-z0-9_.-])");
        }
    }
}
