package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** An extra source address (IP or CIDR) a NIC may send from, optionally with its own MAC. */
public record AddressPairSpec(String ipAddress, Optional<String> macAddress) {
    public AddressPairSpec {
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(macAddress, "macAddress is null");
    }

    public static AddressPairSpec of(String ipAddress) {
        return new AddressPairSpec(ipAddress, Optional.empty());
    }
}
