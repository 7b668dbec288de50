package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** A network scope (EC2 VPC) to create: an IPv4 CIDR between /16 and /28, optionally bound to a zone. */
public record NewScope(Optional<UUID> accountId, Optional<UUID> zoneId, Optional<String> name, String cidr) {
    public NewScope {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(name, "name is null");
        requireNonNull(cidr, "cidr is null");
    }

    public static NewScope of(String cidr) {
        return new NewScope(Optional.empty(), Optional.empty(), Optional.empty(), cidr);
    }

    public NewScope forAccount(UUID account) {
        return new NewScope(Optional.of(account), zoneId, name, cidr);
    }
}
