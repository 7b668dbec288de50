package io.weft.server.topology;

import java.util.Locale;

/** Whether new resources may be placed in a zone, pod, cluster or host. */
public enum AllocationState {
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    /** Hosts only: an operator took the host out of service; it gets no new VMs. */
    MAINTENANCE("Maintenance");

    private final String displayName;

    AllocationState(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static AllocationState parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (AllocationState candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown AllocationState " + value);
    }
}
