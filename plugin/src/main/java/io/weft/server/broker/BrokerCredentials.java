package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

/** A broker user and password. */
public record BrokerCredentials(String user, String password) {
    public BrokerCredentials {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    @Override
    public String toString() {
        return "BrokerCredentials[user=" + user + ", password=***]";
    }
}
