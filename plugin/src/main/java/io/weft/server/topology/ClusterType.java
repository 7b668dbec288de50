package io.weft.server.topology;

import java.util.Locale;

/** Who manages a cluster's hosts, as CloudStack's clustertype. */
public enum ClusterType {
    CLOUD_MANAGED("CloudManaged"),
    EXTERNAL_MANAGED("ExternalManaged");

    private final String displayName;

    ClusterType(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static ClusterType parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ClusterType candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown ClusterType " + value);
    }
}
