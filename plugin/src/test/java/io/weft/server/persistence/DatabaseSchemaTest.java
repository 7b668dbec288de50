package io.weft.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.weft.server.topology.Host;
import io.weft.server.topology.HostState;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.Pod;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.Zone;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrations and the entities agree on every supported database, and the schema keeps its promises. */
class DatabaseSchemaTest {

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void migrationsApplyAndHibernateValidatesTheSchema(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor)) {
            try (Database database = testDatabase.open()) {
                assertThat(database.vendor()).isEqualTo(vendor);
            }
            // A second start finds the schema current: nothing to migrate, validation passes again.
            try (Database database = testDatabase.open()) {
                assertThat(database.sessionFactory().isOpen()).isTrue();
            }
            DatabaseConfig config = testDatabase.config();
            var info = Flyway.configure()
                    .dataSource(config.jdbcUrl(), config.user(), config.password())
                    .placeholders(vendor.migrationPlaceholders())
                    .load()
                    .info();
            // Every migration the module ships is applied, in order, and nothing is left pending.
            assertThat(info.pending()).isEmpty();
            assertThat(info.applied())
                    .extracting(m -> m.getVersion().getVersion())
                    .startsWith("1", "2", "3", "4", "5")
                    .containsExactlyElementsOf(Arrays.stream(info.all())
                            .map(m -> m.getVersion().getVersion())
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyEntityRoundTrips(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            ModelGraph graph = new ModelGraph();
            SessionFactory sessions = database.sessionFactory();
            sessions.inTransaction(graph::persist);

            sessions.inTransaction(session -> {
                Zone zone = ModelGraph.load(session, Zone.class, graph.zone.getUuid());
                assertThat(zone.getName()).isEqualTo("zone-1");
                assertThat(zone.getDns2()).isEqualTo("1.1.1.1");
                assertThat(zone.isSecurityGroupsEnabled()).isTrue();
                assertThat(zone.getCreated()).isEqualTo(ModelGraph.CREATED);
                assertThat(zone.getSegmentRanges())
                        .extracting(r -> r.toRange())
                        .containsExactlyInAnyOrder(
                                new SegmentRange(IsolationType.VXLAN, 5000, 5999),
                                new SegmentRange(IsolationType.GRE, 1, 100));

                Pod pod = ModelGraph.load(session, Pod.class, graph.pod.getUuid());
                assertThat(pod.getZone()).isEqualTo(zone);
                assertThat(pod.getEndIp()).isEqualTo("192.168.0.200");

                Cluster cluster = ModelGraph.load(session, Cluster.class, graph.cluster.getUuid());
                assertThat(cluster.getPod()).isEqualTo(pod);
                assertThat(cluster.getHypervisorType()).isEqualTo(HypervisorType.KVM);

                Host host = ModelGraph.load(session, Host.class, graph.host.getUuid());
                assertThat(host.getCluster()).isEqualTo(cluster);
                assertThat(host.getTunnelAddress()).isEqualTo("192.168.0.11");
                assertThat(host.getAgentUser()).isEqualTo("agent-kvm-1");
                assertThat(host.getEncryptedAgentSecret()).isEqualTo("v1:sealed");
                assertThat(host.getDesiredGeneration()).isEqualTo(7);
                assertThat(host.getAppliedGeneration()).isEqualTo(6);
                assertThat(host.getAppliedHash()).isEqualTo("sha256:abc");
                assertThat(host.getLastError()).isEqualTo("ipset restore failed");
                assertThat(host.getLastHeartbeat()).isEqualTo(ModelGraph.CREATED.plus(5, ChronoUnit.SECONDS));
                assertThat(host.getState()).isEqualTo(HostState.CONNECTING);

                Domain child = ModelGraph.load(session, Domain.class, graph.child.getUuid());
                assertThat(child.getPath()).isEqualTo("ROOT/sales/");
                assertThat(child.getParent().getUuid()).isEqualTo(graph.root.getUuid());
                assertThat(child.getLevel()).isEqualTo(1);

                Account account = ModelGraph.load(session, Account.class, graph.account.getUuid());
                assertThat(account.getRole()).isEqualTo(Role.DOMAIN_ADMIN);
                assertThat(account.getDomain()).isEqualTo(child);

                User user = ModelGraph.load(session, User.class, graph.user.getUuid());
                assertThat(user.getApiKey()).isEqualTo(graph.user.getApiKey());
                assertThat(user.getEncryptedSecretKey()).isEqualTo("v1:sealed-secret");
                assertThat(user.getEmail()).isEqualTo("alice@example.com");
                assertThat(user.getDomain()).isEqualTo(child);

                NetworkScope scope = ModelGraph.load(session, NetworkScope.class, graph.scope.getUuid());
                assertThat(scope.getCidr()).isEqualTo("10.1.0.0/16");
                assertThat(scope.getName()).isEqualTo("vpc-1");

                Network network = ModelGraph.load(session, Network.class, graph.network.getUuid());
                assertThat(network.getSegmentId()).isEqualTo(5001L);
                assertThat(network.getIsolationType()).isEqualTo(IsolationType.VXLAN);
                assertThat(network.getIpv6Cidr()).isEqualTo("fd00:1::/64");
                assertThat(network.getScope()).isEqualTo(scope);

                VirtualMachine vm = ModelGraph.load(session, VirtualMachine.class, graph.vm.getUuid());
                assertThat(vm.getHost()).isEqualTo(host);

                Nic nic = ModelGraph.load(session, Nic.class, graph.nic.getUuid());
                assertThat(nic.getVm()).isEqualTo(vm);
                assertThat(nic.getHost()).isEqualTo(host);
                assertThat(nic.getMacAddress()).isEqualTo("02:00:00:00:00:01");
                assertThat(nic.getIpv4Address()).isEqualTo("10.1.1.10");
                assertThat(nic.getIpv6Address()).isEqualTo("fd00:1::10");
                assertThat(nic.getTapName()).isEqualTo("tap0a1b2c3d");
                assertThat(nic.getDeviceIndex()).isZero();
                assertThat(nic.isPortSecurityEnabled()).isTrue();
                assertThat(nic.isDefaultNic()).isTrue();

                AllowedAddressPairEntity pair =
                        ModelGraph.load(session, AllowedAddressPairEntity.class, graph.pair.getUuid());
                assertThat(pair.getNic()).isEqualTo(nic);
                assertThat(pair.getIpAddress()).isEqualTo("10.1.1.100/32");

                SecurityGroupEntity web = ModelGraph.load(session, SecurityGroupEntity.class, graph.web.getUuid());
                assertThat(web.getEgressPolicy()).isEqualTo(EgressPolicy.EC2);
                assertThat(web.getScope()).isEqualTo(scope);
                assertThat(web.getDescription()).isEqualTo("web servers");

                SecurityGroupRuleEntity cidrRule =
                        ModelGraph.load(session, SecurityGroupRuleEntity.class, graph.cidrRule.getUuid());
                assertThat(cidrRule.getRemoteCidr()).isEqualTo("0.0.0.0/0");
                assertThat(cidrRule.getStartPort()).isEqualTo(80);
                assertThat(cidrRule.getEndPort()).isEqualTo(443);
                assertThat(cidrRule.getDirection()).isEqualTo(RuleDirection.INGRESS);
                assertThat(cidrRule.getEtherType()).isEqualTo(EtherType.IPV4);

                SecurityGroupRuleEntity groupRule =
                        ModelGraph.load(session, SecurityGroupRuleEntity.class, graph.groupRule.getUuid());
                assertThat(groupRule.getRemoteGroup()).isEqualTo(web);
                assertThat(groupRule.getIcmpType()).isEqualTo(8);
                assertThat(groupRule.getIcmpCode()).isZero();

                NicSecurityGroup membership =
                        ModelGraph.load(session, NicSecurityGroup.class, graph.membership.getUuid());
                assertThat(membership.getNic()).isEqualTo(nic);
                assertThat(membership.getSecurityGroup()).isEqualTo(web);

                ResourceTag tag = ModelGraph.load(session, ResourceTag.class, graph.tag.getUuid());
                assertThat(tag.getResourceUuid()).isEqualTo(network.getUuid());
                assertThat(tag.getValue()).isEqualTo("prod");

                ChangeRecord change = ModelGraph.load(session, ChangeRecord.class, graph.change.getUuid());
                assertThat(change.getPayload()).contains(nic.getUuid().toString());
                assertThat(change.isDispatched()).isFalse();

                AsyncJob job = ModelGraph.load(session, AsyncJob.class, graph.job.getUuid());
                assertThat(job.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(job.getInstanceUuid()).isEqualTo(vm.getUuid());
                assertThat(job.getResult()).isEqualTo("{\"virtualmachine\":{}}");
                assertThat(job.getUser()).isEqualTo(user);

                DispatcherLease lease = ModelGraph.load(session, DispatcherLease.class, graph.lease.getUuid());
                assertThat(lease.getHolder()).isEqualTo("server-a");
                assertThat(lease.getEpoch()).isEqualTo(1);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void longJsonDocumentsFitInTheOutbox(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            String payload = "{\"x\":\"" + "a".repeat(200_000) + "\"}";
            UUID id = UUID.randomUUID();
            database.sessionFactory()
                    .inTransaction(
                            session -> session.persist(new ChangeRecord(id, ModelGraph.CREATED, "BIG", payload)));
            String read = database.sessionFactory()
                    .fromTransaction(session ->
                            ModelGraph.load(session, ChangeRecord.class, id).getPayload());
            assertThat(read).isEqualTo(payload);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aStaleHostUpdateLosesToTheConcurrentOne(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            ModelGraph graph = new ModelGraph();
            SessionFactory sessions = database.sessionFactory();
            sessions.inTransaction(graph::persist);
            UUID hostId = graph.host.getUuid();

            Host stale = sessions.fromTransaction(session -> ModelGraph.load(session, Host.class, hostId));
            sessions.inTransaction(
                    session -> ModelGraph.load(session, Host.class, hostId).setDesiredGeneration(8));
            stale.setDesiredGeneration(9);

            assertThatThrownBy(() -> sessions.inTransaction(session -> session.merge(stale)))
                    .isInstanceOf(OptimisticLockException.class);
            long generation = sessions.fromTransaction(
                    session -> ModelGraph.load(session, Host.class, hostId).getDesiredGeneration());
            assertThat(generation).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void uniqueKeysRejectDuplicates(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            ModelGraph graph = new ModelGraph();
            SessionFactory sessions = database.sessionFactory();
            sessions.inTransaction(graph::persist);
            List<Runnable> duplicates = new ArrayList<>();
            // Same segment id, zone and type as net-1.
            duplicates.add(() -> sessions.inTransaction(session -> {
                Network other = new Network(
                        UUID.randomUUID(),
                        session.merge(graph.account),
                        session.merge(graph.zone),
                        null,
                        "net-2",
                        IsolationType.VXLAN,
                        "10.2.0.0/24",
                        "10.2.0.1",
                        ModelGraph.CREATED);
                other.setSegmentId(5001L);
                session.persist(other);
            }));
            // Same MAC as the NIC.
            duplicates.add(() -> sessions.inTransaction(session -> session.persist(new Nic(
                    UUID.randomUUID(),
                    session.merge(graph.account),
                    session.merge(graph.network),
                    "02:00:00:00:00:01",
                    ModelGraph.CREATED))));
            // Same name as "db", also without a scope.
            duplicates.add(() -> sessions.inTransaction(session -> session.persist(new SecurityGroupEntity(
                    UUID.randomUUID(),
                    session.merge(graph.account),
                    null,
                    "db",
                    EgressPolicy.CLOUDSTACK,
                    ModelGraph.CREATED))));
            // Same API key.
            duplicates.add(() -> sessions.inTransaction(session -> {
                User other =
                        new User(UUID.randomUUID(), session.merge(graph.account), "bob", "hash", ModelGraph.CREATED);
                other.setKeys(graph.user.getApiKey(), "v1:x");
                session.persist(other);
            }));
            for (Runnable duplicate : duplicates) {
                assertThatThrownBy(duplicate::run).isInstanceOf(ConstraintViolationException.class);
            }

            // The same segment id under another isolation type is a different segment.
            sessions.inTransaction(session -> {
                Network gre = new Network(
                        UUID.randomUUID(),
                        session.merge(graph.account),
                        session.merge(graph.zone),
                        null,
                        "net-gre",
                        IsolationType.GRE,
                        "10.3.0.0/24",
                        "10.3.0.1",
                        ModelGraph.CREATED);
                gre.setSegmentId(5001L);
                session.persist(gre);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aRuleNeedsExactlyOneRemoteSide(DatabaseVendor vendor) throws Exception {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            ModelGraph graph = new ModelGraph();
            database.sessionFactory().inTransaction(graph::persist);
            try (Connection connection = testDatabase.connection()) {
                long groupId = graph.web.getId();
                assertThatThrownBy(() -> connection
                                .createStatement()
                                .executeUpdate("INSERT INTO security_group_rules (id, uuid, security_group_id,"
                                        + " direction, ether_type, protocol, created) VALUES (999999, '"
                                        + UUID.randomUUID() + "', " + groupId
                                        + ", 'INGRESS', 'IPV4', 'tcp', CURRENT_TIMESTAMP)"))
                        .isInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void accountsOfTheSameNameMayLiveInDifferentDomains(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            ModelGraph graph = new ModelGraph();
            database.sessionFactory().inTransaction(graph::persist);
            database.sessionFactory()
                    .inTransaction(session -> session.persist(new Account(
                            UUID.randomUUID(), session.merge(graph.root), "acme", Role.USER, ModelGraph.CREATED)));
            assertThatThrownBy(() -> database.sessionFactory()
                            .inTransaction(session -> session.persist(new Account(
                                    UUID.randomUUID(),
                                    session.merge(graph.child),
                                    "acme",
                                    Role.USER,
                                    ModelGraph.CREATED))))
                    .isInstanceOf(ConstraintViolationException.class);
        }
    }
}
