package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.IpAddress;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.GuestAddressing;
import io.weft.server.network.NetworkStore;
import io.weft.server.network.ipam.AddressPool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Secondary private IPv4 addresses of a NIC: taken from its network's pool like a primary address,
 * unique within the network, and given back when unassigned or when the NIC is deleted.
 */
public final class NicSecondaryAddresses {
    /** EC2's most secondary addresses on one interface of the largest instance types. */
    static final int MAX_PER_NIC = 49;

    private final ComputeStore store;
    private final NetworkStore networks;

    @Inject
    public NicSecondaryAddresses(ComputeStore store, NetworkStore networks) {
        this.store = requireNonNull(store, "store is null");
        this.networks = requireNonNull(networks, "networks is null");
    }

    /**
     * Assigns the {@code wanted} addresses and then {@code count} more picked from the pool; answers
     * the addresses assigned, in order. Nothing is assigned if any of them cannot be.
     */
    List<String> assign(Session session, Nic nic, List<String> wanted, int count) {
        if (count < 0) {
            throw WeftException.invalid("the number of secondary addresses must not be negative");
        }
        if (wanted.isEmpty() && count == 0) {
            throw WeftException.invalid("give the secondary addresses to assign or how many to pick");
        }
        if (nic.getIpv4Address() == null) {
            throw WeftException.invalid("network interface " + nic.getUuid() + " has no IPv4 address");
        }
        int existing = store.secondaryAddressesOf(session, nic).size();
        if (existing + wanted.size() + count > MAX_PER_NIC) {
            throw new WeftException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "a network interface may have at most " + MAX_PER_NIC + " secondary private addresses");
        }
        AddressPool pool = GuestAddressing.poolOf(nic.getNetwork());
        Set<IpAddress> inUse = new HashSet<>(networks.addressesInUse(session, nic.getNetwork()));
        Set<IpAddress> chosen = new LinkedHashSet<>();
        for (String text : wanted) {
            IpAddress address = GuestAddressing.parseAddress("private ip address", text);
            if (!chosen.add(pool.allocate(inUse, Optional.of(address)))) {
                throw WeftException.invalid("private IP address " + address + " is given twice");
            }
            inUse.add(address);
        }
        for (int i = 0; i < count; i++) {
            IpAddress picked = pool.allocate(inUse, Optional.empty());
            chosen.add(picked);
            inUse.add(picked);
        }
        List<String> assigned = new ArrayList<>();
        for (IpAddress address : chosen) {
            store.persist(session, new SecondaryAddressEntity(UUID.randomUUID(), nic, address.toString()));
            assigned.add(address.toString());
        }
        return assigned;
    }

    /** Gives back secondary addresses of the NIC; an address it does not hold as one fails the whole call. */
    void unassign(Session session, Nic nic, List<String> addresses) {
        if (addresses.isEmpty()) {
            throw WeftException.invalid("give the secondary addresses to unassign");
        }
        List<SecondaryAddressEntity> held = store.secondaryAddressesOf(session, nic);
        List<SecondaryAddressEntity> released = new ArrayList<>();
        for (String text : addresses) {
            String address =
                    GuestAddressing.parseAddress("private ip address", text).toString();
            if (address.equals(nic.getIpv4Address())) {
                throw WeftException.invalid(
                        "private IP address " + address + " is the primary address of network interface "
                                + nic.getUuid() + " and cannot be unassigned");
            }
            SecondaryAddressEntity match = held.stream()
                    .filter(secondary -> secondary.getIpAddress().equals(address))
                    .findFirst()
                    .orElseThrow(() -> WeftException.invalid("private IP address " + address
                            + " is not assigned to network interface " + nic.getUuid()));
            released.add(match);
        }
        released.forEach(secondary -> store.remove(session, secondary));
    }
}
