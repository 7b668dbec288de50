package io.weft.rules.model;

/** An inclusive TCP/UDP destination port range within 1-65535. */
public record PortRange(int from, int to) {
    public PortRange {
        if (from < 1 || from > 65535 || to < 1 || to > 65535) {
            throw new InvalidRuleException("port range " + from + "-" + to + " is outside 1-65535");
        }
        if (from > to) {
            throw new InvalidRuleException("port range start " + from + " is greater than its end " + to);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }
}
