package io.weft.rules.model;

/** The two IP families a rule's ethertype can name; each maps to its own iptables and ipset family. */
public enum IpFamily {
    IPV4("inet", 32, "iptables"),
    IPV6("inet6", 128, "ip6tables");

    private final String ipsetFamily;
    private final int addressBits;
    private final String iptablesCommand;

    IpFamily(String ipsetFamily, int addressBits, String iptablesCommand) {
        this.ipsetFamily = ipsetFamily;
        this.addressBits = addressBits;
        this.iptablesCommand = iptablesCommand;
    }

    /** The {@code family} word of {@code ipset create}. */
    public String ipsetFamily() {
        return ipsetFamily;
    }

    public int addressBits() {
        return addressBits;
    }

    /** {@code iptables} or {@code ip6tables}: the tool family whose -save/-restore holds this family's chains. */
    public String iptablesCommand() {
        return iptablesCommand;
    }

    /** Lower-case token used in entry keys, e.g. {@code chain/ipv4/...}. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static IpFamily fromToken(String token) {
        for (IpFamily family : values()) {
            if (family.token().equals(token)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown IP family: " + token);
    }
}
