package io.weft.rules.model;

/** ICMP (or ICMPv6) type and code, with -1 meaning "any" as in the EC2 and CloudStack APIs. */
public record IcmpMatch(int type, int code) {
    public static final int ANY = -1;

    public IcmpMatch {
        if (type < ANY || type > 255) {
            throw new InvalidRuleException("ICMP type " + type + " is outside 0-255 (or -1 for any)");
        }
        if (code < ANY || code > 255) {
            throw new InvalidRuleException("ICMP code " + code + " is outside 0-255 (or -1 for any)");
        }
        if (type == ANY && code != ANY) {
            throw new InvalidRuleException("ICMP code " + code + " needs a type; type is -1 (any)");
        }
    }

    public boolean isAny() {
        return type == ANY;
    }
}
