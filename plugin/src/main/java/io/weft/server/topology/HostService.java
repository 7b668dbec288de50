package io.weft.server.topology;

import static io.weft.server.topology.TopologyOperations.checkIp;
import static io.weft.server.topology.TopologyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.server.tenancy.ApiKeys;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hypervisor hosts and their agents' broker credentials: root admins only. A host that still holds VMs
 * or NICs cannot be deleted (IN_USE). Adding, moving or removing a host writes a change record, so that
 * every host's tunnel peers and the dispatcher learn of it.
 */
public final class HostService {
    private static final Logger LOG = LoggerFactory.getLogger(HostService.class);

    private final TopologyOperations operations;
    private final TopologyStore store;
    private final ApiKeys keys;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ChangeLog changes;
    private final AgentAccess agentAccess;
    private final AgentDirectory agents;

    @Inject
    HostService(
            TopologyOperations operations,
            TopologyStore store,
            ApiKeys keys,
            SecretCipher cipher,
            Clock clock,
            ChangeLog changes,
            AgentAccess agentAccess,
            AgentDirectory agents) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.agentAccess = requireNonNull(agentAccess, "agentAccess is null");
        this.agents = requireNonNull(agents, "agents is null");
    }

    /**
     * Adds a host and creates its agent credential: a random user and secret. The secret is stored
     * encrypted and returned here only.
     */
    public AddedHost add(Caller caller, HostSpec spec) {
        operations.requireRootAdmin(caller);
        String name = checkName(spec.name());
        checkIp("tunnel address", spec.tunnelAddress());
        AddedHost added = operations.write(session -> {
            Zone zone = operations.find(session, Zone.class, spec.zoneId());
            Pod givenPod = spec.podId()
                    .map(podId -> operations.podInZone(session, podId, zone))
                    .orElse(null);
            Cluster cluster = spec.clusterId()
                    .map(clusterId -> clusterFor(session, clusterId, zone, givenPod, spec.hypervisorType()))
                    .orElse(null);
            Pod pod = givenPod == null && cluster != null ? cluster.getPod() : givenPod;
            operations.requireUniqueName(session, Host.class, zone, name, Optional.empty());
            requireUniqueTunnelAddress(session, zone, spec.tunnelAddress(), Optional.empty());
            UUID hostId = UUID.randomUUID();
            // The broker knows an agent by its host: it may read weft.host.<hostId> and nothing else.
            AgentCredential credential = new AgentCredential("host-" + hostId, keys.newKey());
            Host host = new Host(
                    hostId,
                    zone,
                    pod,
                    cluster,
                    name,
                    spec.tunnelAddress(),
                    spec.hypervisorType(),
                    credential.user(),
                    cipher.encrypt(credential.secret()),
                    clock.instant());
            store.persist(session, host);
            hostChanged(session, host, false);
            return new AddedHost(view(host), credential);
        });
        agentAccess.grant(
                added.host().id().toString(),
                added.credential().user(),
                added.credential().secret());
        agents.forget(added.credential().user());
        return added;
    }

    /**
     * Lets every known host's agent onto the broker again; an embedded broker keeps grants in
     * memory only, so the server calls this on every start.
     */
    public void grantAllAgents() {
        List<Host> hosts = operations.read(session -> store.listInZone(session, Host.class, Optional.empty()));
        for (Host host : hosts) {
            agentAccess.grant(
                    host.getUuid().toString(), host.getAgentUser(), cipher.decrypt(host.getEncryptedAgentSecret()));
        }
    }

    public HostView update(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<String> tunnelAddress,
            Optional<AllocationState> resourceState) {
        return operations.update(
                caller,
                Host.class,
                id,
                name,
                () -> tunnelAddress.ifPresent(address -> checkIp("tunnel address", address)),
                (session, host) -> {
                    if (tunnelAddress.isPresent()) {
                        requireUniqueTunnelAddress(session, host.getZone(), tunnelAddress.get(), Optional.of(id));
                        host.setTunnelAddress(tunnelAddress.get());
                        hostChanged(session, host, false);
                    }
                    resourceState.ifPresent(host::setResourceState);
                },
                HostService::view);
    }

    public List<HostView> list(Caller caller, Optional<UUID> zoneId) {
        return operations.list(caller, Host.class, zoneId, HostService::view);
    }

    public HostView get(Caller caller, UUID id) {
        return operations.get(caller, Host.class, id, HostService::view);
    }

    /**
     * Deletes an empty host and, once that is committed, takes its agent off the broker: the
     * credential stops working and its open sessions are closed, and the server's inbox no longer
     * takes messages from it.
     */
    public void delete(Caller caller, UUID id) {
        AtomicReference<String> agentUser = new AtomicReference<>();
        operations.delete(caller, Host.class, id, store::hostContents, (session, host) -> {
            agentUser.set(host.getAgentUser());
            hostChanged(session, host, true);
        });
        agents.forget(agentUser.get());
        try {
            agentAccess.revoke(id.toString(), agentUser.get());
        } catch (RuntimeException e) {
            // The host is gone either way: the inbox refuses its agent, and no restart grants it again.
            LOG.warn("host {} deleted, but its agent's broker access could not be revoked now", id, e);
        }
    }

    /**
     * Issues the agent of host {@code id} a new secret and, once it is stored, takes the old one off
     * the broker: the old login stops working and every session open with it is closed, then the
     * same broker user is let on again with the new secret. The agent user (and so the host the
     * inbox attributes its messages to) stays the same. The new secret is returned here only.
     *
     * @throws io.weft.server.error.WeftException PERMISSION_DENIED for anyone but a root admin,
     *     NOT_FOUND for an unknown host
     */
    public AgentCredential rotateAgentCredential(Caller caller, UUID id) {
        operations.requireRootAdmin(caller);
        AgentCredential credential = operations.write(session -> {
            Host host = operations.find(session, Host.class, id);
            AgentCredential fresh = new AgentCredential(host.getAgentUser(), keys.newKey());
            host.setEncryptedAgentSecret(cipher.encrypt(fresh.secret()));
            return fresh;
        });
        // Revoked before the new grant: Artemis keeps one password per user, and revoking is what
        // closes the sessions that logged in with the old one. A failure here leaves the new secret
        // stored (granted on the next start) and the operator rotates again.
        agentAccess.revoke(id.toString(), credential.user());
        agentAccess.grant(id.toString(), credential.user(), credential.secret());
        LOG.info("host {}: agent credential rotated, the old one's sessions closed", id);
        return credential;
    }

    /** Every host's tunnel peers and the dispatcher learn of a host's arrival, move or removal. */
    private void hostChanged(Session session, Host host, boolean removed) {
        changes.append(session, new Change(ChangeKind.HOST, List.of(host.getUuid()), removed));
    }

    private Cluster clusterFor(Session session, UUID clusterId, Zone zone, Pod pod, HypervisorType hypervisor) {
        Cluster cluster = operations.find(session, Cluster.class, clusterId);
        if (!cluster.getZone().equals(zone)
                || (pod != null && cluster.getPod() != null && !cluster.getPod().equals(pod))) {
            throw WeftException.invalid("cluster " + clusterId + " is not in the given zone and pod");
        }
        if (cluster.getHypervisorType() != hypervisor) {
            throw WeftException.invalid("cluster " + cluster.getName() + " holds "
                    + cluster.getHypervisorType().displayName() + " hosts, not " + hypervisor.displayName());
        }
        return cluster;
    }

    private void requireUniqueTunnelAddress(Session session, Zone zone, String address, Optional<UUID> except) {
        if (store.tunnelAddressTaken(session, zone, address, except)) {
            throw new WeftException(
                    ErrorCode.DUPLICATE, "another host in zone " + zone.getName() + " has tunnel address " + address);
        }
    }

    private static HostView view(Host host) {
        return new HostView(
                host.getUuid(),
                host.getName(),
                host.getZone().getUuid(),
                Optional.ofNullable(host.getPod()).map(Pod::getUuid),
                Optional.ofNullable(host.getCluster()).map(Cluster::getUuid),
                host.getTunnelAddress(),
                host.getHypervisorType(),
                host.getAgentUser(),
                host.getResourceState(),
                host.getState(),
                host.getDesiredGeneration(),
                host.getAppliedGeneration(),
                Optional.ofNullable(host.getLastError()),
                Optional.ofNullable(host.getLastHeartbeat()));
    }
}
