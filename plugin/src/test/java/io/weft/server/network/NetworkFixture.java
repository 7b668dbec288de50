package io.weft.server.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.catalogue.CatalogueStore;
import io.weft.server.catalogue.TemplateAccess;
import io.weft.server.catalogue.VmCatalogue;
import io.weft.server.compute.ComputeModule;
import io.weft.server.compute.ComputeStore;
import io.weft.server.compute.NetworkNics;
import io.weft.server.compute.NicAllocator;
import io.weft.server.compute.NicGroups;
import io.weft.server.compute.NicSecondaryAddresses;
import io.weft.server.compute.NicService;
import io.weft.server.compute.Placement;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.ChangeRecord;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeCodec;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.server.securitygroup.DefaultGroups;
import io.weft.server.securitygroup.GroupResolver;
import io.weft.server.securitygroup.ScopeDefaultGroups;
import io.weft.server.securitygroup.SecurityGroupModule;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupStore;
import io.weft.server.tags.TagService;
import io.weft.server.tags.Taggable;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyFixture;
import io.weft.server.topology.AgentAccess;
import io.weft.server.topology.ClusterService;
import io.weft.server.topology.HostLiveness;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.TopologyServices;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hibernate.SessionFactory;

/**
 * A fresh database with the network services wired by hand, a zone with VXLAN ids 5000-5009 and two
 * hosts, and two tenants (alice and bob) in the root domain. Other teams' tests may reuse it.
 */
public final class NetworkFixture implements AutoCloseable {
    public final TenancyFixture tenancy;
    public final SessionFactory sessions;
    public final NetworkLimits limits;
    public final NetworkService networks;
    public final NetworkScopeService scopes;
    public final SecurityGroupService groups;
    public final NicService nics;
    public final VirtualMachineService vms;
    public final TagService tags;
    public final ZoneService zones;
    public final ClusterService clusters;
    public final HostService hosts;
    public final Caller root;
    public final Caller alice;
    public final Caller bob;
    public final UUID zone;
    public final UUID host1;
    public final UUID host2;

    public NetworkFixture(DatabaseVendor vendor, Path dataDirectory, NetworkLimits limits) {
        tenancy = new TenancyFixture(vendor, dataDirectory);
        sessions = tenancy.database.sessionFactory();
        this.limits = limits;
        ChangeLog changes = new ChangeLog(tenancy.clock);
        Ownership ownership = new Ownership(tenancy.store, tenancy.authorizer);
        NetworkStore networkStore = new NetworkStore();
        SecurityGroupStore groupStore = new SecurityGroupStore();
        GroupResolver resolver = new GroupResolver(ownership, groupStore, tenancy.store);
        DefaultGroups defaults = new DefaultGroups(groupStore, tenancy.clock);
        ComputeStore computeStore = new ComputeStore();
        NicGroups nicGroups = new NicGroups(resolver, defaults, computeStore, limits);
        NicAllocator allocator = new NicAllocator(
                ownership, networkStore, computeStore, nicGroups, limits, new SplittableRandom(7), tenancy.clock);
        Placement placement = new Placement(
                tenancy.authorizer,
                tenancy.clock,
                new HostLiveness(DispatchSettings.defaults().heartbeatTimeout()));
        networks = new NetworkService(
                sessions, networkStore, new NetworkNics(computeStore), ownership, changes, tenancy.clock);
        scopes = new NetworkScopeService(
                sessions, networkStore, ownership, new ScopeDefaultGroups(defaults), changes, tenancy.clock);
        groups = new SecurityGroupService(
                sessions, groupStore, ownership, resolver, defaults, limits, changes, tenancy.clock);
        nics = new NicService(
                sessions,
                computeStore,
                networkStore,
                ownership,
                allocator,
                nicGroups,
                placement,
                new NicSecondaryAddresses(computeStore, networkStore),
                changes);
        vms = new VirtualMachineService(
                sessions,
                computeStore,
                networkStore,
                ownership,
                allocator,
                nicGroups,
                placement,
                limits,
                new VmCatalogue(new CatalogueStore(), new TemplateAccess(tenancy.authorizer)),
                changes,
                tenancy.clock);
        Map<TaggedType, Taggable<?>> taggable = new HashMap<>(NetworkModule.TAGGABLE);
        taggable.putAll(SecurityGroupModule.TAGGABLE);
        taggable.putAll(ComputeModule.TAGGABLE);
        tags = new TagService(sessions, ownership, taggable, tenancy.clock);
        TopologyServices topology = new TopologyServices(
                sessions, tenancy.authorizer, tenancy.apiKeys, tenancy.cipher, tenancy.clock, AgentAccess.EXTERNAL);
        zones = topology.zones;
        clusters = topology.clusters;
        hosts = topology.hosts;
        root = tenancy.root;
        alice = tenancy.account(root, root.domainId(), "alice", Role.USER);
        bob = tenancy.account(root, root.domainId(), "bob", Role.USER);
        zone = zones.create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5009))
                .id();
        host1 = addHost("kvm-1", "192.168.0.11");
        host2 = addHost("kvm-2", "192.168.0.12");
    }

    public NetworkFixture(DatabaseVendor vendor, Path dataDirectory) {
        this(vendor, dataDirectory, NetworkLimits.DEFAULTS);
    }

    private UUID addHost(String name, String address) {
        return hosts.add(
                        root, new HostSpec(zone, Optional.empty(), Optional.empty(), name, address, HypervisorType.KVM))
                .host()
                .id();
    }

    /** Records a heartbeat from the host's agent now, as the dispatcher does: the host counts as Up. */
    public void heartbeat(UUID host) {
        sessions.inTransaction(
                session -> session.createMutationQuery("update Host set lastHeartbeat = :now where uuid = :uuid")
                        .setParameter("now", tenancy.clock.instant())
                        .setParameter("uuid", host)
                        .executeUpdate());
    }

    /** A network of {@code owner} in the fixture's zone. */
    public NetworkView network(Caller owner, String name, String cidr) {
        return networks.create(owner, NewNetwork.of(zone, name, cidr)).value();
    }

    /** Every change record so far, oldest first, as "kind payload". */
    public List<String> changes() {
        return sessions.fromTransaction(session ->
                session
                        .createSelectionQuery("from ChangeRecord order by id", ChangeRecord.class)
                        .getResultList()
                        .stream()
                        .map(record -> record.getKind() + " " + record.getPayload())
                        .toList());
    }

    /** The change records written after the first {@code before} ones. */
    public List<String> changesAfter(int before) {
        List<String> all = changes();
        return all.subList(before, all.size());
    }

    public static String record(String kind, List<UUID> ids, boolean tightens) {
        return kind + " " + ChangeCodec.payload(Change.of(ChangeKind.fromStored(kind), ids, tightens));
    }

    /** Asserts that {@code call} fails with {@code code} and writes no change record. */
    public void assertFailsUnchanged(ThrowingCallable call, ErrorCode code) {
        int before = changes().size();
        assertThatThrownBy(call).isInstanceOfSatisfying(WeftException.class, e -> assertThat(e.code())
                .as(e.getMessage())
                .isEqualTo(code));
        assertThat(changesAfter(before)).isEmpty();
    }

    @Override
    public void close() {
        tenancy.close();
    }
}
