package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.Host;
import io.weft.server.topology.HostLiveness;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Where ports are bound. Choosing a host is for root admins only (CloudStack's {@code hostid} is
 * root-only; the IaaS controller acts as root), and the host must be in the resource's zone.
 */
public final class Placement {
    /** Over rows of a host and its count of bound NICs: the least loaded first, then by name. */
    private static final Comparator<Object[]> FEWEST_NICS_THEN_NAME = Comparator.<Object[], Long>comparing(
                    row -> (Long) row[1])
            .thenComparing(row -> ((Host) row[0]).getName())
            .thenComparing(row -> ((Host) row[0]).getUuid());

    private final Authorizer authorizer;
    private final Clock clock;
    private final HostLiveness liveness;

    @Inject
    public Placement(Authorizer authorizer, Clock clock, HostLiveness liveness) {
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
    }

    Host host(Session session, Caller caller, UUID hostId, Zone zone) {
        authorizer.requireRootAdmin(caller);
        Host host =
                Ownership.find(session, Host.class, hostId).orElseThrow(() -> WeftException.notFound("host", hostId));
        if (!host.getZone().equals(zone)) {
            throw WeftException.invalid("host " + hostId + " is not in zone " + zone.getUuid());
        }
        if (host.getResourceState() == AllocationState.MAINTENANCE) {
            throw WeftException.invalid("host " + hostId + " is in maintenance and takes no new VMs");
        }
        return host;
    }

    /**
     * Picks the host a running VM migrates to when none is named (root only), as CloudStack does: an
     * Enabled host (in an Enabled cluster, if any) of the same hypervisor whose agent is up, other than
     * the VM's; one of the VM's cluster if there is one, else one of its zone; the fewest bound NICs
     * first, then by name. Up is {@link HostLiveness}: the rule by which the dispatcher itself counts a host as
     * disconnected.
     */
    Host destinationFor(Session session, Caller caller, VirtualMachine vm) {
        authorizer.requireRootAdmin(caller);
        Host current = vm.getHost();
        return session
                .createSelectionQuery(
                        "select h, (select count(*) from Nic n where n.host = h) from Host h left join h.cluster c"
                                + " where h.zone = :zone and h <> :current and h.hypervisorType = :hypervisor"
                                + " and h.resourceState = :enabled and h.lastHeartbeat >= :upSince"
                                + " and (c is null or c.allocationState = :enabled)",
                        Object[].class)
                .setParameter("zone", vm.getZone())
                .setParameter("current", current)
                .setParameter("hypervisor", current.getHypervisorType())
                .setParameter("enabled", AllocationState.ENABLED)
                .setParameter("upSince", liveness.upSince(clock.instant()))
                .getResultList()
                .stream()
                .min(Comparator.<Object[]>comparingInt(row -> sameCluster((Host) row[0], current) ? 0 : 1)
                        .thenComparing(FEWEST_NICS_THEN_NAME))
                .map(row -> (Host) row[0])
                // CloudStack's planner fails here for want of server capacity, which is its 533.
                .orElseThrow(() -> new WeftException(
                        ErrorCode.CAPACITY_EXHAUSTED,
                        "Unable to find a suitable host to migrate VM " + vm.getUuid() + " to: no other Up and"
                                + " Enabled " + current.getHypervisorType().displayName() + " host in zone "
                                + vm.getZone().getUuid()));
    }

    /**
     * Picks the host a stopped VM starts on when none is named: an Enabled host (in an Enabled
     * cluster, if any) of the VM's zone, not in maintenance; hosts whose agent is up first, then the
     * fewest bound NICs, then by name. Weft does not remember the host a VM last ran on, so this
     * stands in for CloudStack's preference for it.
     */
    Host startHostFor(Session session, VirtualMachine vm) {
        Instant upSince = liveness.upSince(clock.instant());
        return session
                .createSelectionQuery(
                        "select h, (select count(*) from Nic n where n.host = h) from Host h left join h.cluster c"
                                + " where h.zone = :zone and h.resourceState = :enabled"
                                + " and (c is null or c.allocationState = :enabled)",
                        Object[].class)
                .setParameter("zone", vm.getZone())
                .setParameter("enabled", AllocationState.ENABLED)
                .getResultList()
                .stream()
                .min(Comparator.<Object[]>comparingInt(row -> isUp((Host) row[0], upSince) ? 0 : 1)
                        .thenComparing(FEWEST_NICS_THEN_NAME))
                .map(row -> (Host) row[0])
                .orElseThrow(() -> new WeftException(
                        ErrorCode.CAPACITY_EXHAUSTED,
                        "Unable to start VM " + vm.getUuid() + ": no Enabled host in zone "
                                + vm.getZone().getUuid()));
    }

    private static boolean isUp(Host host, Instant upSince) {
        return host.getLastHeartbeat() != null && !host.getLastHeartbeat().isBefore(upSince);
    }

    private static boolean sameCluster(Host candidate, Host current) {
        return current.getCluster() != null && Objects.equals(candidate.getCluster(), current.getCluster());
    }
}
