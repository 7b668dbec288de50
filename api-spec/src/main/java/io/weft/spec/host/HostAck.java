package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

/**
 * The agent's answer to an update: the generation it now holds and the hash of its desired state,
 * which the server compares with its own. {@code error} is set when {@code status} is FAILED.
 */
public record HostAck(
        int schema, String hostId, Generation generation, String desiredHash, AckStatus status, String error)
        implements HostMessage {
    public HostAck {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(generation, "generation is null");
        requireNonNull(desiredHash, "desiredHash is null");
        requireNonNull(status, "status is null");
        if (status == AckStatus.FAILED && error == null) {
            throw new IllegalArgumentException("a FAILED ack needs an error");
        }
    }
}
