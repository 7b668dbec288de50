package io.weft.rules.model;

import java.util.Locale;

/**
 * An IP protocol number, or {@link #ALL}. Parsed from the API forms ({@code tcp}, {@code udp},
 * {@code icmp}, {@code icmpv6}, {@code all}, {@code -1}, or a number 1-255).
 */
public record Protocol(int number) {
    public static final Protocol ALL = new Protocol(-1);
    public static final Protocol ICMP = new Protocol(1);
    public static final Protocol TCP = new Protocol(6);
    public static final Protocol UDP = new Protocol(17);
    public static final Protocol ICMPV6 = new Protocol(58);

    public Protocol {
        if (number != -1 && (number < 1 || number > 255)) {
            throw new InvalidRuleException("protocol number " + number + " out of range 1-255 (or -1 for all)");
        }
    }

    public static Protocol parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        switch (word) {
            case "all":
            case "-1":
                return ALL;
            case "tcp":
                return TCP;
            case "udp":
                return UDP;
            case "icmp":
                return ICMP;
            case "icmpv6":
            case "ipv6-icmp":
                return ICMPV6;
            default:
                if (!word.isEmpty() && word.chars().allMatch(Character::isDigit) && word.length() <= 3) {
                    return new Protocol(Integer.parseInt(word));
                }
                throw new InvalidRuleException(
                        "unknown protocol '" + text + "' (expected tcp, udp, icmp, icmpv6, all or a number)");
        }
    }

    public boolean isAll() {
        return number == -1;
    }

    /** Only TCP and UDP rules carry a port range (as in EC2 and CloudStack). */
    public boolean hasPorts() {
        return equals(TCP) || equals(UDP);
    }

    public boolean isIcmpFor(IpFamily family) {
        return equals(family == IpFamily.IPV4 ? ICMP : ICMPV6);
    }

    public boolean isAnyIcmp() {
        return equals(ICMP) || equals(ICMPV6);
    }
}
