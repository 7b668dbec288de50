package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

/**
 * A network in canonical form: host bits are always zero (10.1.2.3/8 is 10.0.0.0/8), IPv6 is
 * compressed lower-case. Canonical in the constructor so that equal networks are equal records.
 */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {
    public Cidr {
        requireNonNull(network, "network is null");
        network = network.masked(prefixLength);
    }

    /** Parses {@code a.b.c.d/n}, {@code x::y/n} or a bare address (a host route). */
    public static Cidr parse(String text) {
        requireNonNull(text, "text is null");
        int slash = text.indexOf('/');
        IpAddress address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return new Cidr(address, address.family().addressBits());
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRuleException("invalid prefix length in CIDR '" + text + "'");
        }
        return new Cidr(address, Integer.parseInt(prefix));
    }

    public static Cidr host(IpAddress address) {
        return new Cidr(address, address.family().addressBits());
    }

    public IpFamily family() {
        return network.family();
    }

    public boolean isHost() {
        return prefixLength == family().addressBits();
    }

    public boolean isAny() {
        return prefixLength == 0;
    }

    /** The form iptables-save prints for {@code -s}: always with the prefix length. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    /** The form {@code ipset save} prints for a hash:net member: host routes without a prefix. */
    public String toIpsetMember() {
        return isHost() ? network.toString() : toString();
    }

    @Override
    public int compareTo(Cidr other) {
        int byNetwork = network.compareTo(other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }
}
