package io.weft.rules.model;

/** How a network is isolated between hosts. */
public enum SegmentType {
    VXLAN(1, 16_777_215L),
    GRE(2, 4_294_967_295L),
    VLAN(3, 4094L);

    private final int code;
    private final long maxId;

    SegmentType(int code, long maxId) {
        this.code = code;
        this.maxId = maxId;
    }

    /** A small number unique per type, used to build the OpenFlow network register value. */
    public int code() {
        return code;
    }

    public long maxId() {
        return maxId;
    }

    public boolean isTunnel() {
        return this != VLAN;
    }

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
