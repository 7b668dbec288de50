package io.weft.rules.state;

/** The OpenFlow cookie on every flow we install, so that we read back, diff and sweep only ours. */
public final class WeftCookie {
    /** "WEFT" in ASCII in the high 32 bits, version 1 of our pipeline in the low bits. */
    public static final long VALUE = 0x5745465400000001L;

    /** As ovs-ofctl prints and accepts it. */
    public static final String HEX = "0x" + Long.toHexString(VALUE);

    /** The filter for {@code ovs-ofctl dump-flows <bridge> <filter>} that lists only our flows. */
    public static final String DUMP_FILTER = "cookie=" + HEX + "/-1";

    private WeftCookie() {}
}
