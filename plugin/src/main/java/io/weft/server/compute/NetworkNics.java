package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.Network;
import io.weft.server.network.NetworkAttachments;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The NICs on a network, as the network service sees them when it deletes the network. */
public final class NetworkNics implements NetworkAttachments {
    private final ComputeStore store;

    @Inject
    public NetworkNics(ComputeStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<UUID> nicsOn(Session session, Network network) {
        return store.nicsOn(session, network).stream().map(Nic::getUuid).toList();
    }

    @Override
    public void deleteNicsOn(Session session, Network network) {
        store.deleteNics(session, store.nicsOn(session, network));
    }
}
