package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

/** The credential a host's agent logs in to the broker with; the secret is shown once, at addHost. */
public record AgentCredential(String user, String secret) {
    public AgentCredential {
        requireNonNull(user, "user is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "AgentCredential[user=" + user + "]";
    }
}
