package io.weft.server.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict parsing of IP literals. Never resolves names: {@link InetAddress#getByName} is only used on
 * strings that can only be IPv6 literals.
 */
public final class IpAddresses {
    private IpAddresses() {}

    public static boolean isIpv4(String value) {
        return value != null && ipv4ToLong(value) >= 0;
    }

    /** The address as an unsigned 32-bit number, or -1 if {@code value} is not a dotted quad. */
    public static long ipv4ToLong(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long result = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return -1;
            }
            result = (result << 8) | octet;
        }
        return result;
    }

    public static boolean isIpv6(String value) {
        if (value == null
                || !value.contains(":")
                || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            return InetAddress.getByName(value).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static boolean isIp(String value) {
        return isIpv4(value) || isIpv6(value);
    }

    /** The prefix length of a contiguous IPv4 netmask, or -1. */
    public static int netmaskPrefix(String netmask) {
        long mask = isIpv4(netmask) ? ipv4ToLong(netmask) : -1;
        if (mask < 0) {
            return -1;
        }
        int prefix = Long.bitCount(mask);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return mask == expected ? prefix : -1;
    }

    /** Whether {@code value} is an IPv4 or IPv6 CIDR with no host bits set. */
    public static boolean isCidr(String value) {
        if (value == null) {
            return false;
        }
        int slash = value.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = value.substring(0, slash);
        String length = value.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int prefix = Integer.parseInt(length);
        if (isIpv4(address)) {
            long hostBits = prefix >= 32 ? 0 : (1L << (32 - prefix)) - 1;
            return prefix <= 32 && (ipv4ToLong(address) & hostBits) == 0;
        }
        return isIpv6(address) && prefix <= 128;
    }
}
