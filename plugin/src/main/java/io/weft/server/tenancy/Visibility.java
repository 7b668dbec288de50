package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * Which owners' resources a caller may see, in the form a query can filter on: root sees all, a domain
 * admin every account whose domain path starts with its own, a user only its own account.
 */
public record Visibility(Optional<String> domainPathPrefix, Optional<UUID> accountId) {
    public Visibility {
        requireNonNull(domainPathPrefix, "domainPathPrefix is null");
        requireNonNull(accountId, "accountId is null");
    }

    public static Visibility of(Caller caller) {
        return switch (caller.role()) {
            case ROOT_ADMIN -> new Visibility(Optional.empty(), Optional.empty());
            case DOMAIN_ADMIN -> new Visibility(Optional.of(caller.domainPath()), Optional.empty());
            case USER -> new Visibility(Optional.of(caller.domainPath()), Optional.of(caller.accountId()));
        };
    }

    public boolean isUnrestricted() {
        return domainPathPrefix.isEmpty() && accountId.isEmpty();
    }

    /** The domain path prefix as a LIKE pattern, with {@code !} as the escape character. */
    public Optional<String> domainPathPattern() {
        return domainPathPrefix.map(
                prefix -> prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
}
