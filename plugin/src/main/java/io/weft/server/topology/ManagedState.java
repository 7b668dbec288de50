package io.weft.server.topology;

import java.util.Locale;

/** Whether the management server manages a cluster. */
public enum ManagedState {
    MANAGED("Managed"),
    UNMANAGED("Unmanaged");

    private final String displayName;

    ManagedState(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static ManagedState parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ManagedState candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown ManagedState " + value);
    }
}
