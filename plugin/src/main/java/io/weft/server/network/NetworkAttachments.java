package io.weft.server.network;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What a feature above network attaches to a network (compute's NICs): the network service asks it
 * whether a network is in use and, on a forced delete, deletes what is attached, without knowing
 * what a NIC is.
 */
public interface NetworkAttachments {
    /** Nothing attaches to networks while no such feature is installed. */
    NetworkAttachments NONE = new NetworkAttachments() {
        @Override
        public List<UUID> nicsOn(Session session, Network network) {
            return List.of();
        }

        @Override
        public void deleteNicsOn(Session session, Network network) {}
    };

    /** The uuids of the NICs on the network, oldest first. */
    List<UUID> nicsOn(Session session, Network network);

    /** Deletes the NICs on the network with everything that hangs off them, in the session's transaction. */
    void deleteNicsOn(Session session, Network network);
}
