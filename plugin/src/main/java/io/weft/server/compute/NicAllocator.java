package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.MacAddress;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.GuestAddressing;
import io.weft.server.network.Network;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkStore;
import io.weft.server.network.ipam.MacAddresses;
import io.weft.server.service.TextFields;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hibernate.Session;

/**
 * Creates NICs: the network (the owner's, visible to the caller), IPAM from its pool, a MAC, the
 * security groups and the allowed address pairs. Taken addresses and MACs are DUPLICATE; the
 * unique keys catch a concurrent winner.
 */
public final class NicAllocator {
    /** The longest description: the column's size, and EC2's limit. */
    private final Ownership ownership;

    private final NetworkStore networks;
    private final ComputeStore store;
    private final NicGroups groups;
    private final NetworkLimits limits;
    private final RandomGenerator random;
    private final Clock clock;

    @Inject
    public NicAllocator(
            Ownership ownership,
            NetworkStore networks,
            ComputeStore store,
            NicGroups groups,
            NetworkLimits limits,
            RandomGenerator random,
            Clock clock) {
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.random = requireNonNull(random, "random is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new NIC of {@code owner} and the default groups created for it. */
    record Allocated(Nic nic, List<UUID> createdGroups) {}

    Allocated allocate(Session session, Caller caller, Account owner, NicSpec spec) {
        Network network =
                ownership.visible(session, caller, Network.class, spec.networkId(), Network::getAccount, "network");
        if (!network.getAccount().equals(owner)) {
            throw WeftException.invalid("network " + network.getUuid() + " belongs to another account");
        }
        if (spec.addressPairs().size() > limits.addressPairsPerNic()) {
            throw new WeftException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "a network interface may have at most " + limits.addressPairsPerNic() + " allowed address pairs");
        }
        UUID id = UUID.randomUUID();
        Nic nic = new Nic(id, owner, network, mac(session, spec).toString(), clock.instant());
        IpAddress ipv4 = GuestAddressing.poolOf(network)
                .allocate(
                        networks.addressesInUse(session, network),
                        spec.ipAddress().map(text -> GuestAddressing.parseAddress("ip address", text)));
        nic.setIpv4Address(ipv4.toString());
        nic.setIpv6Address(ipv6(session, network, spec, MacAddress.parse(nic.getMacAddress())));
        nic.setPortSecurityEnabled(spec.portSecurity());
        nic.setDescription(spec.description().map(NicAllocator::description).orElse(null));
        nic.attach(null, null, null, TapNames.of(id));
        NicGroups.Chosen chosen = groups.choose(session, caller, nic, spec.groups());
        store.persist(session, nic);
        groups.replace(session, nic, chosen.groups());
        for (AddressPairSpec pair : spec.addressPairs()) {
            store.persist(session, addressPair(nic, pair));
        }
        return new Allocated(nic, chosen.createdGroups());
    }

    private MacAddress mac(Session session, NicSpec spec) {
        if (spec.macAddress().isPresent()) {
            MacAddress mac = parseMac(spec.macAddress().get());
            if (!MacAddresses.isAssignable(mac)) {
                throw WeftException.invalid("MAC address " + mac + " is not a unicast address");
            }
            if (store.macInUse(session, mac.toString())) {
                throw new WeftException(ErrorCode.DUPLICATE, "MAC address " + mac + " is already in use");
            }
            return mac;
        }
        Set<MacAddress> taken = new HashSet<>();
        while (true) {
            MacAddress mac = MacAddresses.random(random, taken);
            if (!store.macInUse(session, mac.toString())) {
                return mac;
            }
            taken.add(mac);
        }
    }

    /** The requested IPv6 address, or EUI-64 from the MAC on a /64, or none. */
    private String ipv6(Session session, Network network, NicSpec spec, MacAddress mac) {
        if (network.getIpv6Cidr() == null) {
            if (spec.ipv6Address().isPresent()) {
                throw WeftException.invalid("network " + network.getUuid() + " has no IPv6 CIDR");
            }
            return null;
        }
        Cidr cidr = Cidr.parse(network.getIpv6Cidr());
        if (spec.ipv6Address().isEmpty()) {
            if (cidr.prefixLength() != 64) {
                return null;
            }
            IpAddress eui64 = mac.eui64LinkLocal();
            return new IpAddress(IpFamily.IPV6, cidr.network().high(), eui64.low()).toString();
        }
        IpAddress wanted =
                GuestAddressing.parseAddress("ipv6 address", spec.ipv6Address().get());
        if (!GuestAddressing.contains(cidr, Cidr.host(wanted))) {
            throw WeftException.invalid("IPv6 address " + wanted + " is not inside " + cidr);
        }
        if (networks.ipv6InUse(session, network, wanted.toString())) {
            throw new WeftException(ErrorCode.DUPLICATE, "IPv6 address " + wanted + " is already in use");
        }
        return wanted.toString();
    }

    private static AllowedAddressPairEntity addressPair(Nic nic, AddressPairSpec pair) {
        Cidr address;
        try {
            address = Cidr.parse(pair.ipAddress().strip());
        } catch (IllegalArgumentException e) {
            throw WeftException.invalid("allowed address " + pair.ipAddress() + ": " + e.getMessage());
        }
        String mac = pair.macAddress().map(text -> parseMac(text).toString()).orElse(null);
        String text = address.isHost() ? address.network().toString() : address.toString();
        return new AllowedAddressPairEntity(UUID.randomUUID(), nic, text, mac);
    }

    /** A NIC's description as stored: null when empty, INVALID_PARAMETER when too long. */
    static String description(String text) {
        TextFields.checked("a network interface description", text, TextFields.DESCRIPTION_LENGTH);
        return text.isEmpty() ? null : text;
    }

    private static MacAddress parseMac(String text) {
        try {
            return MacAddress.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw WeftException.invalid(e.getMessage());
        }
    }

    static List<UUID> ids(List<Nic> nics) {
        List<UUID> ids = new ArrayList<>();
        nics.forEach(nic -> ids.add(nic.getUuid()));
        return ids;
    }
}
