package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

/** A new host and its agent credential, whose secret cannot be read back later. */
public record AddedHost(HostView host, AgentCredential credential) {
    public AddedHost {
        requireNonNull(host, "host is null");
        requireNonNull(credential, "credential is null");
    }
}
