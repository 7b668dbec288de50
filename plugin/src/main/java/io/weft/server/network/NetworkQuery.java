package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which networks to list, within what the caller may see; every given criterion must hold. */
public record NetworkQuery(
        Set<UUID> ids,
        Optional<UUID> accountId,
        Optional<UUID> zoneId,
        Optional<UUID> scopeId,
        Optional<String> name,
        Optional<String> keyword) {
    public NetworkQuery {
        ids = Set.copyOf(requireNonNull(ids, "ids is null"));
        requireNonNull(accountId, "accountId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(keyword, "keyword is null");
    }

    public static NetworkQuery all() {
        return new NetworkQuery(
                Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public NetworkQuery withIds(Set<UUID> wanted) {
        return new NetworkQuery(wanted, accountId, zoneId, scopeId, name, keyword);
    }

    public NetworkQuery inScope(UUID scope) {
        return new NetworkQuery(ids, accountId, zoneId, Optional.of(scope), name, keyword);
    }

    public NetworkQuery withKeyword(String word) {
        return new NetworkQuery(ids, accountId, zoneId, scopeId, name, Optional.of(word));
    }
}
