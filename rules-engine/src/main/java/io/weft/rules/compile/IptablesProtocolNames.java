package io.weft.rules.compile;

import io.weft.rules.model.Protocol;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a protocol is written after {@code -p}. iptables-save prints some protocols by name (its
 * built-in list, then the host's /etc/protocols) and the rest as numbers; we write the names of
 * the IANA keywords below and read back either form, so the output never depends on the host's
 * /etc/protocols.
 */
public final class IptablesProtocolNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "icmp"),
            Map.entry(2, "igmp"),
            Map.entry(4, "ipencap"),
            Map.entry(6, "tcp"),
            Map.entry(17, "udp"),
            Map.entry(41, "ipv6"),
            Map.entry(47, "gre"),
            Map.entry(50, "esp"),
            Map.entry(51, "ah"),
            Map.entry(58, "ipv6-icmp"),
            Map.entry(89, "ospf"),
            Map.entry(103, "pim"),
            Map.entry(112, "vrrp"),
            Map.entry(132, "sctp"),
            Map.entry(136, "udplite"));

    private IptablesProtocolNames() {}

    /** The canonical {@code -p} word; empty for "all" (iptables-save omits {@code -p all}). */
    public static Optional<String> of(Protocol protocol) {
        if (protocol.isAll()) {
            return Optional.empty();
        }
        return Optional.of(NAMES.getOrDefault(protocol.number(), Integer.toString(protocol.number())));
    }

    /** Reads a {@code -p} word as printed by any host and returns our canonical form of it. */
    public static String canonical(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("icmpv6")) {
            return "ipv6-icmp";
        }
        // Protocol numbers are 0-255; longer digit strings or other scripts' digits are not numbers here.
        if (!lower.isEmpty() && lower.length() <= 3 && lower.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return NAMES.getOrDefault(Integer.parseInt(lower), lower);
        }
        return lower;
    }
}
