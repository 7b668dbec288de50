package io.weft.server.topology;

import java.util.Locale;

/** The hypervisors CloudStack knows; Weft programs the same Linux dataplane under each. */
public enum HypervisorType {
    KVM("KVM"),
    XEN_SERVER("XenServer"),
    VMWARE("VMware"),
    HYPERV("Hyperv"),
    LXC("LXC"),
    OVM3("Ovm3"),
    BARE_METAL("BareMetal"),
    SIMULATOR("Simulator");

    private final String displayName;

    HypervisorType(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling CloudStack uses on the wire. */
    public String displayName() {
        return displayName;
    }

    /** Parses the CloudStack spelling or the constant name, ignoring case. */
    public static HypervisorType parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (HypervisorType candidate : values()) {
            if (candidate.displayName.toLowerCase(Locale.ROOT).equals(wanted)
                    || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown HypervisorType " + value);
    }
}
