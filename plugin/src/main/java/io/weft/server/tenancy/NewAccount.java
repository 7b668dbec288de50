package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * An account to create together with its first user, as CloudStack's createAccount does.
 *
 * @param domainId the domain; the caller's own when empty
 * @param accountName the account's name; the user name when empty
 */
public record NewAccount(Optional<UUID> domainId, Optional<String> accountName, Role role, NewUser firstUser) {
    public NewAccount {
        requireNonNull(domainId, "domainId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(role, "role is null");
        requireNonNull(firstUser, "firstUser is null");
    }

    public String effectiveName() {
        return accountName.orElse(firstUser.username());
    }
}
