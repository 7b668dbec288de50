package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

/**
 * An IPv4 or IPv6 address held as 128 bits, parsed from and printed to the literal forms that
 * iptables-save, ipset save and ovs-ofctl print (dotted quad; RFC 5952 compressed lower-case IPv6).
 *
 * <p>Parsing is done here rather than with {@code InetAddress} so that a host name can never
 * trigger a DNS lookup: the rules engine does no I/O.
 */
public record IpAddress(IpFamily family, long high, long low) implements Comparable<IpAddress> {
    public IpAddress {
        requireNonNull(family, "family is null");
        if (family == IpFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
            throw new InvalidRuleException("IPv4 address out of range");
        }
    }

    public static IpAddress parse(String text) {
        requireNonNull(text, "text is null");
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static IpAddress parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidRuleException("not an IPv4 address: '" + text + "'");
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | parseDecimalOctet(part, text);
        }
        return new IpAddress(IpFamily.IPV4, 0, value);
    }

    private static int parseDecimalOctet(String part, String text) {
        // A leading zero is refused, not read as decimal: some parsers take "010" as octal 8, so
        // the same text would name two different addresses.
        if (part.isEmpty()
                || part.length() > 3
                || (part.length() > 1 && part.charAt(0) == '0')
                || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRuleException("not an IPv4 address: '" + text + "'");
        }
        int octet = Integer.parseInt(part);
        if (octet > 255) {
            throw new InvalidRuleException("not an IPv4 address: '" + text + "'");
        }
        return octet;
    }

    private static IpAddress parseV6(String text) {
        String body = text;
        int[] tail = new int[0];
        int lastColon = body.lastIndexOf(':');
        if (body.indexOf('.', lastColon) >= 0) {
            // Embedded IPv4 in the last 32 bits, e.g. ::ffff:10.0.0.1
            long v4 = parseV4(body.substring(lastColon + 1)).low();
            tail = new int[] {(int) (v4 >>> 16), (int) (v4 & 0xffff)};
            body = body.substring(0, lastColon + 1) + "0";
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
            throw new InvalidRuleException("not an IPv6 address: '" + text + "'");
        }
        int[] head;
        int[] rest;
        if (doubleColon >= 0) {
            head = parseGroups(body.substring(0, doubleColon), text);
            rest = parseGroups(body.substring(doubleColon + 2), text);
        } else {
            head = parseGroups(body, text);
            rest = new int[0];
        }
        if (tail.length > 0) {
            int[] source = doubleColon >= 0 ? rest : head;
            int[] replaced = new int[source.length + 1];
            System.arraycopy(source, 0, replaced, 0, source.length - 1);
            replaced[source.length - 1] = tail[0];
            replaced[source.length] = tail[1];
            if (doubleColon >= 0) {
                rest = replaced;
            } else {
                head = replaced;
            }
        }
        int explicit = head.length + rest.length;
        if ((doubleColon < 0 && explicit != 8) || (doubleColon >= 0 && explicit > 7)) {
            throw new InvalidRuleException("not an IPv6 address: '" + text + "'");
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(rest, 0, groups, 8 - rest.length, rest.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new IpAddress(IpFamily.IPV6, high, low);
    }

    private static int[] parseGroups(String part, String text) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] tokens = part.split(":", -1);
        int[] groups = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(IpAddress::isAsciiHexDigit)) {
                throw new InvalidRuleException("not an IPv6 address: '" + text + "'");
            }
            groups[i] = Integer.parseInt(token, 16);
        }
        return groups;
    }

    // Character.digit also takes other scripts' digits (fullwidth, Arabic-Indic); a literal is ASCII.
    private static boolean isAsciiHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Keeps the first {@code prefixLength} bits and zeroes the rest. */
    public IpAddress masked(int prefixLength) {
        int bits = family.addressBits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new InvalidRuleException("prefix length " + prefixLength + " out of range 0-" + bits);
        }
        if (family == IpFamily.IPV4) {
            long mask = prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
            return new IpAddress(family, 0, low & mask);
        }
        long highMask = prefixLength >= 64 ? -1L : prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
        long lowMask = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
        return new IpAddress(family, high & highMask, low & lowMask);
    }

    /** The 16-bit groups of an IPv6 address, most significant first. */
    private int[] groups() {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xffff);
            groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xffff);
        }
        return groups;
    }

    @Override
    public String toString() {
        if (family == IpFamily.IPV4) {
            return (low >>> 24) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "." + (low & 0xff);
        }
        int[] groups = groups();
        // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = family.compareTo(other.family);
        if (byFamily != 0) {
            return byFamily;
        }
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }
}
