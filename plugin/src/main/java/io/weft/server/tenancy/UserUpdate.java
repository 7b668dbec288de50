package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What {@code updateUser} changes; an empty field keeps its value. */
public record UserUpdate(
        Optional<String> username,
        Optional<String> password,
        Optional<String> email,
        Optional<String> firstName,
        Optional<String> lastName) {
    public UserUpdate {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(email, "email is null");
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
    }
}
