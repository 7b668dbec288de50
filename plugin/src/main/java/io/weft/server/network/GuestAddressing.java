package io.weft.server.network;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.InvalidRuleException;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.server.error.WeftException;
import io.weft.server.network.ipam.AddressPool;

/** Address arithmetic on guest networks, on top of the rules-engine's address model. */
public final class GuestAddressing {
    private GuestAddressing() {}

    /** The IPAM pool of a stored network. */
    public static AddressPool poolOf(Network network) {
        Cidr cidr = Cidr.parse(network.getCidr());
        IpAddress gateway = IpAddress.parse(network.getGateway());
        if (network.getStartIp() == null) {
            return AddressPool.of(cidr, gateway);
        }
        return new AddressPool(
                cidr, gateway, IpAddress.parse(network.getStartIp()), IpAddress.parse(network.getEndIp()));
    }

    /** Parses a CIDR of {@code family} given in canonical form (no host bits set). */
    public static Cidr parseNetwork(String what, String text, IpFamily family) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(text.strip());
        } catch (InvalidRuleException e) {
            throw WeftException.invalid(what + ": " + e.getMessage());
        }
        if (cidr.family() != family) {
            throw WeftException.invalid(what + " " + text + " is not an " + family + " CIDR");
        }
        if (!text.strip().contains("/")
                || !IpAddress.parse(text.strip().substring(0, text.strip().indexOf('/')))
                        .equals(cidr.network())) {
            throw WeftException.invalid(what + " " + text + " is not a network address; did you mean " + cidr + "?");
        }
        return cidr;
    }

    public static IpAddress parseAddress(String what, String text) {
        try {
            return IpAddress.parse(text.strip());
        } catch (InvalidRuleException e) {
            throw WeftException.invalid(what + ": " + e.getMessage());
        }
    }

    /** The address {@code offset} after the network address. */
    public static IpAddress offset(Cidr cidr, long offset) {
        IpAddress network = cidr.network();
        return new IpAddress(network.family(), network.high(), network.low() + offset);
    }

    public static boolean contains(Cidr outer, Cidr inner) {
        return outer.family() == inner.family()
                && outer.prefixLength() <= inner.prefixLength()
                && inner.network().masked(outer.prefixLength()).equals(outer.network());
    }

    public static boolean overlap(Cidr a, Cidr b) {
        return contains(a, b) || contains(b, a);
    }

    /** The dotted netmask of an IPv4 prefix length (CloudStack's {@code netmask}). */
    public static String netmask(int prefixLength) {
        long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        return new IpAddress(IpFamily.IPV4, 0, mask).toString();
    }

    /** How many addresses the pool holds, the gateway excluded. */
    public static long size(AddressPool pool) {
        long size = pool.last().low() - pool.first().low() + 1;
        long gateway = pool.gateway().low();
        return gateway >= pool.first().low() && gateway <= pool.last().low() ? size - 1 : size;
    }
}
