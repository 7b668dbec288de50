package io.weft.server.persistence;

import io.weft.server.compute.AllowedAddressPairEntity;
import io.weft.server.compute.Nic;
import io.weft.server.compute.NicSecurityGroup;
import io.weft.server.compute.VirtualMachine;
import io.weft.server.dispatch.DispatcherLease;
import io.weft.server.jobs.AsyncJob;
import io.weft.server.jobs.JobStatus;
import io.weft.server.network.Network;
import io.weft.server.network.NetworkScope;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.EtherType;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.SecurityGroupEntity;
import io.weft.server.securitygroup.SecurityGroupRuleEntity;
import io.weft.server.tags.ResourceTag;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Domain;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.User;
import io.weft.server.topology.Cluster;
import io.weft.server.topology.ClusterType;
import io.weft.server.topology.Host;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.NetworkType;
import io.weft.server.topology.Pod;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.Zone;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** One of every entity, wired together as the server would, for round-trip and constraint tests. */
final class ModelGraph {
    // Microsecond precision: what TIMESTAMP(6)/DATETIME(6) keep.
    static final Instant CREATED = Instant.parse("2024-05-01T10:00:00.123456Z");

    final Zone zone;
    final Pod pod;
    final Cluster cluster;
    final Host host;
    final Domain root;
    final Domain child;
    final Account account;
    final User user;
    final NetworkScope scope;
    final Network network;
    final VirtualMachine vm;
    final Nic nic;
    final AllowedAddressPairEntity pair;
    final SecurityGroupEntity web;
    final SecurityGroupEntity db;
    final SecurityGroupRuleEntity cidrRule;
    final SecurityGroupRuleEntity groupRule;
    final NicSecurityGroup membership;
    final ResourceTag tag;
    final ChangeRecord change;
    final AsyncJob job;
    final DispatcherLease lease;

    ModelGraph() {
        zone = new Zone(UUID.randomUUID(), "zone-1", NetworkType.ADVANCED, "8.8.8.8", "10.0.0.2", CREATED);
        zone.setDns2("1.1.1.1");
        zone.setSecurityGroupsEnabled(true);
        zone.setGuestCidr("10.1.0.0/16");
        zone.replaceSegmentRanges(List.of(
                new SegmentRange(IsolationType.VXLAN, 5000, 5999), new SegmentRange(IsolationType.GRE, 1, 100)));
        pod = new Pod(UUID.randomUUID(), zone, "pod-1", CREATED);
        pod.setAddressing("192.168.0.1", "255.255.255.0", "192.168.0.10", "192.168.0.200");
        cluster = new Cluster(
                UUID.randomUUID(), zone, pod, "cluster-1", HypervisorType.KVM, ClusterType.CLOUD_MANAGED, CREATED);
        host = new Host(
                UUID.randomUUID(),
                zone,
                pod,
                cluster,
                "kvm-1",
                "192.168.0.11",
                HypervisorType.KVM,
                "agent-kvm-1",
                "v1:sealed",
                CREATED);
        host.setDesiredGeneration(7);
        host.recordApplied(6, "sha256:abc", "ipset restore failed");
        host.setLastHeartbeat(CREATED.plus(5, ChronoUnit.SECONDS));
        root = Domain.root(UUID.randomUUID(), CREATED);
        child = Domain.child(UUID.randomUUID(), root, "sales", CREATED);
        account = new Account(UUID.randomUUID(), child, "acme", Role.DOMAIN_ADMIN, CREATED);
        user = new User(UUID.randomUUID(), account, "alice", "pbkdf2$hash", CREATED);
        user.setContact("alice@example.com", "Alice", "Liddell");
        user.setKeys("api-key-" + UUID.randomUUID(), "v1:sealed-secret");
        scope = new NetworkScope(UUID.randomUUID(), account, zone, "10.1.0.0/16", CREATED);
        scope.setName("vpc-1");
        network = new Network(
                UUID.randomUUID(),
                account,
                zone,
                scope,
                "net-1",
                IsolationType.VXLAN,
                "10.1.1.0/24",
                "10.1.1.1",
                CREATED);
        network.setSegmentId(5001L);
        network.setIpv6("fd00:1::/64", "fd00:1::1");
        vm = new VirtualMachine(UUID.randomUUID(), account, zone, "vm-1", CREATED);
        vm.setHost(host);
        nic = new Nic(UUID.randomUUID(), account, network, "02:00:00:00:00:01", CREATED);
        nic.setIpv4Address("10.1.1.10");
        nic.setIpv6Address("fd00:1::10");
        nic.attach(vm, 0, host, "tap0a1b2c3d");
        nic.setDefaultNic(true);
        pair = new AllowedAddressPairEntity(UUID.randomUUID(), nic, "10.1.1.100/32", "02:00:00:00:00:99");
        web = new SecurityGroupEntity(UUID.randomUUID(), account, scope, "web", EgressPolicy.EC2, CREATED);
        web.setDescription("web servers");
        db = new SecurityGroupEntity(UUID.randomUUID(), account, null, "db", EgressPolicy.CLOUDSTACK, CREATED);
        cidrRule = SecurityGroupRuleEntity.toCidr(
                        UUID.randomUUID(), web, RuleDirection.INGRESS, EtherType.IPV4, "tcp", "0.0.0.0/0", CREATED)
                .withPorts(80, 443)
                .withDescription("http");
        groupRule = SecurityGroupRuleEntity.toGroup(
                        UUID.randomUUID(), db, RuleDirection.INGRESS, EtherType.IPV4, "icmp", web, CREATED)
                .withIcmp(8, 0);
        membership = new NicSecurityGroup(UUID.randomUUID(), nic, web);
        tag = new ResourceTag(UUID.randomUUID(), account, "Network", network.getUuid(), "env", "prod", CREATED);
        change = new ChangeRecord(UUID.randomUUID(), CREATED, "NIC_CREATED", "{\"nic\":\"" + nic.getUuid() + "\"}");
        job = new AsyncJob(UUID.randomUUID(), account, user, "deployVirtualMachine", CREATED);
        job.setInstance("VirtualMachine", vm.getUuid());
        job.complete(JobStatus.SUCCEEDED, 0, "{\"virtualmachine\":{}}", CREATED.plus(1, ChronoUnit.SECONDS));
        lease = new DispatcherLease(UUID.randomUUID(), "dispatcher");
        lease.grant("server-a", CREATED.plus(30, ChronoUnit.SECONDS));
    }

    /** Persists everything, parents first. */
    void persist(Session session) {
        for (Object entity : List.of(
                zone,
                pod,
                cluster,
                host,
                root,
                child,
                account,
                user,
                scope,
                network,
                vm,
                nic,
                pair,
                web,
                db,
                cidrRule,
                groupRule,
                membership,
                tag,
                change,
                job,
                lease)) {
            session.persist(entity);
        }
    }

    static <T extends PersistentEntity> T load(Session session, Class<T> type, UUID uuid) {
        return session.createSelectionQuery("from " + type.getName() + " where uuid = :uuid", type)
                .setParameter("uuid", uuid)
                .getSingleResult();
    }
}
