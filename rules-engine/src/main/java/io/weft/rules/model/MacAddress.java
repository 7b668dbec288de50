package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** An Ethernet address, normalised to lower-case colon form as iptables-save and ovs-ofctl print it. */
public record MacAddress(String value) implements Comparable<MacAddress> {
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    public MacAddress {
        requireNonNull(value, "value is null");
        value = value.toLowerCase(java.util.Locale.ROOT).replace('-', ':');
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidModelException("not a MAC address: '" + value + "'");
        }
    }

    public static MacAddress parse(String text) {
        return new MacAddress(text);
    }

    /** The 48 bits as a number, e.g. for an OpenFlow {@code load:} action. */
    public long toLong() {
        return Long.parseLong(value.replace(":", ""), 16);
    }

    /** The IPv6 link-local address a VM derives from this MAC by modified EUI-64 (RFC 4291). */
    public IpAddress eui64LinkLocal() {
        long mac = toLong();
        long upper = (mac >>> 24) ^ 0x020000L;
        long lower = mac & 0xffffffL;
        long interfaceId = (upper << 40) | (0xfffeL << 24) | lower;
        return new IpAddress(IpFamily.IPV6, 0xfe80000000000000L, interfaceId);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(MacAddress other) {
        return value.compareTo(other.value);
    }
}
