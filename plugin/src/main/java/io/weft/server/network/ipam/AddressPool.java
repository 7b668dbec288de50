package io.weft.server.network.ipam;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.Optional;
import java.util.Set;

/**
 * The guest addresses of one IPv4 network: the CIDR less its network and broadcast addresses and
 * the gateway, optionally narrowed to a start–end range (CloudStack's startip/endip). Pure: the
 * caller supplies the addresses in use and persists the choice under a unique constraint.
 */
public record AddressPool(Cidr cidr, IpAddress gateway, IpAddress first, IpAddress last) {
    public AddressPool {
        requireNonNull(cidr, "cidr is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (cidr.family() != IpFamily.IPV4) {
            throw WeftException.invalid("only IPv4 guest CIDRs are allocated from, not " + cidr);
        }
        if (cidr.prefixLength() > 30) {
            throw WeftException.invalid("guest CIDR " + cidr + " is too small; use /30 or larger");
        }
        if (!contains(cidr, gateway)) {
            throw WeftException.invalid("gateway " + gateway + " is not inside " + cidr);
        }
        if (!contains(cidr, first) || !contains(cidr, last) || value(first) > value(last)) {
            throw WeftException.invalid(
                    "address range " + first + "-" + last + " is not an ascending range inside " + cidr);
        }
    }

    /** The whole CIDR: from network+1 to broadcast-1, gateway excluded. */
    public static AddressPool of(Cidr cidr, IpAddress gateway) {
        long network = value(cidr.network());
        long size = 1L << (32 - cidr.prefixLength());
        return new AddressPool(cidr, gateway, v4(network + 1), v4(network + size - 2));
    }

    /** Whether the address may be handed to a NIC at all (inside the range, not the gateway). */
    public boolean isAssignable(IpAddress address) {
        return address.family() == IpFamily.IPV4
                && value(address) >= value(first)
                && value(address) <= value(last)
                && !address.equals(gateway);
    }

    /**
     * The requested address if it is assignable and free, else the lowest free one.
     *
     * @throws WeftException INVALID_PARAMETER for a requested address outside the pool, DUPLICATE
     *     for one in use, CAPACITY_EXHAUSTED when nothing is left
     */
    public IpAddress allocate(Set<IpAddress> inUse, Optional<IpAddress> requested) {
        if (requested.isPresent()) {
            IpAddress wanted = requested.get();
            if (!isAssignable(wanted)) {
                throw WeftException.invalid("IP address " + wanted + " is not an assignable address of " + cidr);
            }
            if (inUse.contains(wanted)) {
                throw new WeftException(ErrorCode.DUPLICATE, "IP address " + wanted + " is already in use");
            }
            return wanted;
        }
        for (long candidate = value(first); candidate <= value(last); candidate++) {
            IpAddress address = v4(candidate);
            if (!address.equals(gateway) && !inUse.contains(address)) {
                return address;
            }
        }
        throw new WeftException(ErrorCode.CAPACITY_EXHAUSTED, "no free IP address left in " + cidr);
    }

    private static boolean contains(Cidr cidr, IpAddress address) {
        if (address.family() != IpFamily.IPV4) {
            return false;
        }
        long mask = cidr.prefixLength() == 0 ? 0 : (0xFFFFFFFFL << (32 - cidr.prefixLength())) & 0xFFFFFFFFL;
        return (value(address) & mask) == value(cidr.network());
    }

    private static long value(IpAddress address) {
        return address.low();
    }

    private static IpAddress v4(long value) {
        return new IpAddress(IpFamily.IPV4, 0, value);
    }
}
