package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A network scope (EC2 VPC) as the APIs show it, with the id of its default security group. */
public record ScopeView(
        UUID id,
        Optional<String> name,
        UUID accountId,
        String accountName,
        UUID domainId,
        Optional<UUID> zoneId,
        String cidr,
        ScopeState state,
        Optional<UUID> defaultGroupId,
        Instant created) {
    public ScopeView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(cidr, "cidr is null");
        requireNonNull(state, "state is null");
        requireNonNull(defaultGroupId, "defaultGroupId is null");
        requireNonNull(created, "created is null");
    }
}
