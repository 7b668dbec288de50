package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A user as the APIs show it; the secret key is never part of it. */
public record UserView(
        UUID id,
        String username,
        UUID accountId,
        String accountName,
        Role role,
        UUID domainId,
        String domainName,
        Optional<String> email,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> apiKey,
        TenancyState state,
        Instant created) {
    public UserView {
        requireNonNull(id, "id is null");
        requireNonNull(username, "username is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(role, "role is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(email, "email is null");
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(state, "state is null");
        requireNonNull(created, "created is null");
    }
}
