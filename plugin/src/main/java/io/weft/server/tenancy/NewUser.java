package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What createUser and createAccount need to know about a user. */
public record NewUser(
        String username,
        String password,
        Optional<String> email,
        Optional<String> firstName,
        Optional<String> lastName) {
    public NewUser {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(email, "email is null");
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
    }

    public static NewUser of(String username, String password) {
        return new NewUser(username, password, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + "]";
    }
}
