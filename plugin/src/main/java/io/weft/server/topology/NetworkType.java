package io.weft.server.topology;

import java.util.Locale;

/** A zone's CloudStack network type. */
public enum NetworkType {
    BASIC("Basic"),
    ADVANCED("Advanced");

    private final String displayName;

    NetworkType(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static NetworkType parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (NetworkType candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown NetworkType " + value);
    }
}
