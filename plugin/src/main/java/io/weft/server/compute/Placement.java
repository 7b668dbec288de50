package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import io.weft.server.network.Ownership;
import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.Host;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Where ports are bound. Choosing a host is for root admins only (CloudStack's {@code hostid} is
 * root-only; the IaaS controller acts as root), and the host must be in the resource's zone.
 */
public final class Placement {
    private final Authorizer authorizer;

    @Inject
    public Placement(Authorizer authorizer) {
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
    }

    Host host(Session session, Caller caller, UUID hostId, Zone zone) {
        authorizer.requireRootAdmin(caller);
        Host host =
                Ownership.find(session, Host.class, hostId).orElseThrow(() -> WeftException.notFound("host", hostId));
        if (!host.getZone().equals(zone)) {
            throw WeftException.invalid("host " + hostId + " is not in zone " + zone.getUuid());
        }
        return host;
    }
}
