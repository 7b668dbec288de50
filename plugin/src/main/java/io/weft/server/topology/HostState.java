package io.weft.server.topology;

import java.util.Locale;

/** A host agent's connection state, as CloudStack's host state. */
public enum HostState {
    CONNECTING("Connecting"),
    UP("Up"),
    DOWN("Down"),
    DISCONNECTED("Disconnected"),
    ALERT("Alert");

    private final String displayName;

    HostState(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static HostState parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (HostState candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown HostState " + value);
    }
}
