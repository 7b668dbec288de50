package io.weft.server.topology;

import java.util.Locale;

/** How a network's traffic is kept apart on the wire, and the ids each way has. */
public enum IsolationType {
    /** VXLAN network identifier, 24 bits. */
    VXLAN(1, (1L << 24) - 1),
    /** GRE key, 32 bits. */
    GRE(1, (1L << 32) - 1),
    /** 802.1Q VLAN id; 0 and 4095 are reserved. */
    VLAN(1, 4094);

    private final long minSegment;
    private final long maxSegment;

    IsolationType(long minSegment, long maxSegment) {
        this.minSegment = minSegment;
        this.maxSegment = maxSegment;
    }

    public long minSegment() {
        return minSegment;
    }

    public long maxSegment() {
        return maxSegment;
    }

    public boolean isValidSegment(long segment) {
        return segment >= minSegment && segment <= maxSegment;
    }

    public static IsolationType parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
