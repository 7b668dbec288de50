package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.server.tenancy.ApiKeys;
import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Zones, pods, clusters and hosts: root admins only, except that everyone may list and get enabled
 * zones, as in CloudStack (tenants pick a zone for their networks). Containers that still hold
 * something cannot be deleted (IN_USE).
 */
public final class TopologyService {
    private static final int MAX_NAME_LENGTH = 255;

    private final SessionFactory sessions;
    private final TopologyStore store;
    private final Authorizer authorizer;
    private final ApiKeys keys;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ChangeLog changes;
    private final AgentAccess agentAccess;

    @Inject
    public TopologyService(
            SessionFactory sessions,
            TopologyStore store,
            Authorizer authorizer,
            ApiKeys keys,
            SecretCipher cipher,
            Clock clock,
            ChangeLog changes,
            AgentAccess agentAccess) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.agentAccess = requireNonNull(agentAccess, "agentAccess is null");
    }

    // Zones ---------------------------------------------------------------------------------------

    public ZoneView createZone(Caller caller, ZoneSpec spec) {
        authorizer.requireRootAdmin(caller);
        String name = checkName(spec.name());
        checkIp("dns1", spec.dns1());
        spec.dns2().ifPresent(dns -> checkIp("dns2", dns));
        checkIp("internaldns1", spec.internalDns1());
        spec.internalDns2().ifPresent(dns -> checkIp("internaldns2", dns));
        spec.guestCidr().ifPresent(TopologyService::checkCidr);
        checkDisjoint(spec.segmentRanges());
        return sessions.fromTransaction(session -> {
            if (store.findZoneByName(session, name).isPresent()) {
                throw new WeftException(ErrorCode.DUPLICATE, "zone " + name + " already exists");
            }
            Zone zone = new Zone(
                    UUID.randomUUID(), name, spec.networkType(), spec.dns1(), spec.internalDns1(), clock.instant());
            zone.setDns2(spec.dns2().orElse(null));
            zone.setInternalDns2(spec.internalDns2().orElse(null));
            zone.setSecurityGroupsEnabled(spec.securityGroupsEnabled());
            zone.setAllocationState(spec.allocationState());
            zone.setGuestCidr(spec.guestCidr().orElse(null));
            zone.replaceSegmentRanges(spec.segmentRanges());
            store.persist(session, zone);
            return view(zone);
        });
    }

    public ZoneView updateZone(Caller caller, UUID id, ZoneUpdate update) {
        authorizer.requireRootAdmin(caller);
        update.dns1().ifPresent(dns -> checkIp("dns1", dns));
        update.dns2().ifPresent(dns -> checkIp("dns2", dns));
        update.internalDns1().ifPresent(dns -> checkIp("internaldns1", dns));
        update.internalDns2().ifPresent(dns -> checkIp("internaldns2", dns));
        update.guestCidr().ifPresent(TopologyService::checkCidr);
        update.segmentRanges().ifPresent(TopologyService::checkDisjoint);
        return sessions.fromTransaction(session -> {
            Zone zone = get(session, Zone.class, "zone", id);
            if (update.name().isPresent()) {
                String name = checkName(update.name().get());
                if (store.findZoneByName(session, name)
                        .filter(other -> !other.equals(zone))
                        .isPresent()) {
                    throw new WeftException(ErrorCode.DUPLICATE, "zone " + name + " already exists");
                }
                zone.setName(name);
            }
            update.dns1().ifPresent(zone::setDns1);
            update.dns2().ifPresent(zone::setDns2);
            update.internalDns1().ifPresent(zone::setInternalDns1);
            update.internalDns2().ifPresent(zone::setInternalDns2);
            update.allocationState().ifPresent(zone::setAllocationState);
            update.guestCidr().ifPresent(zone::setGuestCidr);
            // Ranges only bound future allocations; networks keep the segment ids they already have.
            update.segmentRanges().ifPresent(zone::replaceSegmentRanges);
            session.flush();
            return view(zone);
        });
    }

    /** Every zone for root; the enabled ones for everyone else. */
    public List<ZoneView> listZones(Caller caller) {
        return sessions.fromTransaction(session -> store.listZones(session).stream()
                .filter(zone -> mayUse(caller, zone))
                .map(TopologyService::view)
                .toList());
    }

    public ZoneView getZone(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> {
            Zone zone = store.find(session, Zone.class, id)
                    .filter(found -> mayUse(caller, found))
                    .orElseThrow(() -> WeftException.notFound("zone", id));
            return view(zone);
        });
    }

    public void deleteZone(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        sessions.inTransaction(session -> {
            Zone zone = get(session, Zone.class, "zone", id);
            refuseIfInUse("zone " + zone.getName(), store.zoneContents(session, zone));
            store.remove(session, zone);
        });
    }

    // Pods ----------------------------------------------------------------------------------------

    public PodView createPod(
            Caller caller,
            UUID zoneId,
            String name,
            Optional<PodAddressing> addressing,
            AllocationState allocationState) {
        authorizer.requireRootAdmin(caller);
        String checkedName = checkName(name);
        return sessions.fromTransaction(session -> {
            Zone zone = get(session, Zone.class, "zone", zoneId);
            requireUniqueName(session, Pod.class, zone, checkedName, Optional.empty());
            Pod pod = new Pod(UUID.randomUUID(), zone, checkedName, clock.instant());
            addressing.ifPresent(a -> pod.setAddressing(a.gateway(), a.netmask(), a.startIp(), a.endIp()));
            pod.setAllocationState(allocationState);
            store.persist(session, pod);
            return view(pod);
        });
    }

    public PodView updatePod(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<PodAddressing> addressing,
            Optional<AllocationState> allocationState) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session -> {
            Pod pod = get(session, Pod.class, "pod", id);
            if (name.isPresent()) {
                String checkedName = checkName(name.get());
                requireUniqueName(session, Pod.class, pod.getZone(), checkedName, Optional.of(id));
                pod.setName(checkedName);
            }
            addressing.ifPresent(a -> pod.setAddressing(a.gateway(), a.netmask(), a.startIp(), a.endIp()));
            allocationState.ifPresent(pod::setAllocationState);
            session.flush();
            return view(pod);
        });
    }

    public List<PodView> listPods(Caller caller, Optional<UUID> zoneId) {
        return list(caller, Pod.class, zoneId, TopologyService::view);
    }

    public PodView getPod(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session -> view(get(session, Pod.class, "pod", id)));
    }

    public void deletePod(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        sessions.inTransaction(session -> {
            Pod pod = get(session, Pod.class, "pod", id);
            refuseIfInUse("pod " + pod.getName(), store.podContents(session, pod));
            store.remove(session, pod);
        });
    }

    // Clusters ------------------------------------------------------------------------------------

    public ClusterView addCluster(Caller caller, ClusterSpec spec) {
        authorizer.requireRootAdmin(caller);
        String name = checkName(spec.name());
        return sessions.fromTransaction(session -> {
            Zone zone = get(session, Zone.class, "zone", spec.zoneId());
            Pod pod = spec.podId().map(podId -> podInZone(session, podId, zone)).orElse(null);
            requireUniqueName(session, Cluster.class, zone, name, Optional.empty());
            Cluster cluster = new Cluster(
                    UUID.randomUUID(), zone, pod, name, spec.hypervisorType(), spec.clusterType(), clock.instant());
            store.persist(session, cluster);
            return view(cluster);
        });
    }

    public ClusterView updateCluster(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<AllocationState> allocationState,
            Optional<ManagedState> managedState) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session -> {
            Cluster cluster = get(session, Cluster.class, "cluster", id);
            if (name.isPresent()) {
                String checkedName = checkName(name.get());
                requireUniqueName(session, Cluster.class, cluster.getZone(), checkedName, Optional.of(id));
                cluster.setName(checkedName);
            }
            allocationState.ifPresent(cluster::setAllocationState);
            managedState.ifPresent(cluster::setManagedState);
            session.flush();
            return view(cluster);
        });
    }

    public List<ClusterView> listClusters(Caller caller, Optional<UUID> zoneId) {
        return list(caller, Cluster.class, zoneId, TopologyService::view);
    }

    public ClusterView getCluster(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session -> view(get(session, Cluster.class, "cluster", id)));
    }

    public void deleteCluster(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        sessions.inTransaction(session -> {
            Cluster cluster = get(session, Cluster.class, "cluster", id);
            refuseIfInUse("cluster " + cluster.getName(), store.clusterContents(session, cluster));
            store.remove(session, cluster);
        });
    }

    // Hosts ---------------------------------------------------------------------------------------

    /**
     * Adds a host and creates its agent credential: a random user and secret. The secret is stored
     * encrypted and returned here only.
     */
    public AddedHost addHost(Caller caller, HostSpec spec) {
        authorizer.requireRootAdmin(caller);
        String name = checkName(spec.name());
        checkIp("tunnel address", spec.tunnelAddress());
        AddedHost added = sessions.fromTransaction(session -> {
            Zone zone = get(session, Zone.class, "zone", spec.zoneId());
            Pod givenPod =
                    spec.podId().map(podId -> podInZone(session, podId, zone)).orElse(null);
            Cluster cluster = spec.clusterId()
                    .map(clusterId -> clusterFor(session, clusterId, zone, givenPod, spec.hypervisorType()))
                    .orElse(null);
            Pod pod = givenPod == null && cluster != null ? cluster.getPod() : givenPod;
            requireUniqueName(session, Host.class, zone, name, Optional.empty());
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
        return added;
    }

    /**
     * Lets every known host's agent onto the broker again; an embedded broker keeps grants in
     * memory only, so the server calls this on every start.
     */
    public void grantAllAgents() {
        List<Host> hosts = sessions.fromTransaction(session -> store.listInZone(session, Host.class, Optional.empty()));
        for (Host host : hosts) {
            agentAccess.grant(
                    host.getUuid().toString(), host.getAgentUser(), cipher.decrypt(host.getEncryptedAgentSecret()));
        }
    }

    public HostView updateHost(
            Caller caller,
            UUID id,
            Optional<String> name,
            Optional<String> tunnelAddress,
            Optional<AllocationState> resourceState) {
        authorizer.requireRootAdmin(caller);
        tunnelAddress.ifPresent(address -> checkIp("tunnel address", address));
        return sessions.fromTransaction(session -> {
            Host host = get(session, Host.class, "host", id);
            if (name.isPresent()) {
                String checkedName = checkName(name.get());
                requireUniqueName(session, Host.class, host.getZone(), checkedName, Optional.of(id));
                host.setName(checkedName);
            }
            if (tunnelAddress.isPresent()) {
                requireUniqueTunnelAddress(session, host.getZone(), tunnelAddress.get(), Optional.of(id));
                host.setTunnelAddress(tunnelAddress.get());
                hostChanged(session, host, false);
            }
            resourceState.ifPresent(host::setResourceState);
            session.flush();
            return view(host);
        });
    }

    public List<HostView> listHosts(Caller caller, Optional<UUID> zoneId) {
        return list(caller, Host.class, zoneId, TopologyService::view);
    }

    public HostView getHost(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session -> view(get(session, Host.class, "host", id)));
    }

    public void deleteHost(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        sessions.inTransaction(session -> {
            Host host = get(session, Host.class, "host", id);
            refuseIfInUse("host " + host.getName(), store.hostContents(session, host));
            store.remove(session, host);
            hostChanged(session, host, true);
        });
    }

    /** Every host's tunnel peers and the dispatcher learn of a host's arrival, move or removal. */
    private void hostChanged(Session session, Host host, boolean removed) {
        changes.append(session, new Change(ChangeKind.HOST, List.of(host.getUuid()), removed));
    }

    // Helpers -------------------------------------------------------------------------------------

    private boolean mayUse(Caller caller, Zone zone) {
        return caller.isRootAdmin() || zone.getAllocationState() == AllocationState.ENABLED;
    }

    private <T, V> List<V> list(Caller caller, Class<T> type, Optional<UUID> zoneId, Function<T, V> toView) {
        authorizer.requireRootAdmin(caller);
        return sessions.fromTransaction(session ->
                store.listInZone(session, type, zoneId).stream().map(toView).toList());
    }

    private <T> T get(Session session, Class<T> type, String what, UUID id) {
        return store.find(session, type, id).orElseThrow(() -> WeftException.notFound(what, id));
    }

    private Pod podInZone(Session session, UUID podId, Zone zone) {
        Pod pod = get(session, Pod.class, "pod", podId);
        if (!pod.getZone().equals(zone)) {
            throw WeftException.invalid("pod " + podId + " is not in zone " + zone.getUuid());
        }
        return pod;
    }

    private Cluster clusterFor(Session session, UUID clusterId, Zone zone, Pod pod, HypervisorType hypervisor) {
        Cluster cluster = get(session, Cluster.class, "cluster", clusterId);
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

    private void requireUniqueName(Session session, Class<?> type, Zone zone, String name, Optional<UUID> except) {
        if (store.nameTakenInZone(session, type, zone, name, except)) {
            throw new WeftException(
                    ErrorCode.DUPLICATE,
                    type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + name + " already exists in zone "
                            + zone.getName());
        }
    }

    private void requireUniqueTunnelAddress(Session session, Zone zone, String address, Optional<UUID> except) {
        if (store.tunnelAddressTaken(session, zone, address, except)) {
            throw new WeftException(
                    ErrorCode.DUPLICATE, "another host in zone " + zone.getName() + " has tunnel address " + address);
        }
    }

    private static void refuseIfInUse(String what, String contents) {
        if (!contents.isEmpty()) {
            throw new WeftException(ErrorCode.IN_USE, what + " still holds " + contents + "; delete them first");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw WeftException.invalid("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static void checkIp(String what, String value) {
        if (!IpAddresses.isIp(value)) {
            throw WeftException.invalid(what + " " + value + " is not an IP address");
        }
    }

    private static void checkCidr(String value) {
        if (!IpAddresses.isCidr(value)) {
            throw WeftException.invalid("guestcidraddress " + value + " is not a CIDR");
        }
    }

    /** Segment ranges of one type may not overlap: two networks would get the same segment id. */
    private static void checkDisjoint(List<SegmentRange> ranges) {
        List<SegmentRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(SegmentRange::type).thenComparingLong(SegmentRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw WeftException.invalid("segment ranges overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
    }

    // Views ---------------------------------------------------------------------------------------

    private static ZoneView view(Zone zone) {
        return new ZoneView(
                zone.getUuid(),
                zone.getName(),
                zone.getNetworkType(),
                zone.getDns1(),
                Optional.ofNullable(zone.getDns2()),
                zone.getInternalDns1(),
                Optional.ofNullable(zone.getInternalDns2()),
                zone.isSecurityGroupsEnabled(),
                zone.getAllocationState(),
                Optional.ofNullable(zone.getGuestCidr()),
                zone.getSegmentRanges().stream().map(ZoneSegmentRange::toRange).toList());
    }

    private static PodView view(Pod pod) {
        Optional<PodAddressing> addressing = pod.getGateway() == null
                ? Optional.empty()
                : Optional.of(new PodAddressing(pod.getGateway(), pod.getNetmask(), pod.getStartIp(), pod.getEndIp()));
        return new PodView(pod.getUuid(), pod.getName(), pod.getZone().getUuid(), addressing, pod.getAllocationState());
    }

    private static ClusterView view(Cluster cluster) {
        return new ClusterView(
                cluster.getUuid(),
                cluster.getName(),
                cluster.getZone().getUuid(),
                Optional.ofNullable(cluster.getPod()).map(Pod::getUuid),
                cluster.getHypervisorType(),
                cluster.getClusterType(),
                cluster.getAllocationState(),
                cluster.getManagedState());
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
