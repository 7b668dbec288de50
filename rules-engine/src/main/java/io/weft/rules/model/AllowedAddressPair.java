package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** An extra source a NIC may send from (a VIP, a routed prefix), with the NIC's MAC unless one is given. */
public record AllowedAddressPair(Cidr address, Optional<MacAddress> mac) {
    public AllowedAddressPair {
        requireNonNull(address, "address is null");
        requireNonNull(mac, "mac is null");
    }

    public static AllowedAddressPair of(String address) {
        return new AllowedAddressPair(Cidr.parse(address), Optional.empty());
    }
}
