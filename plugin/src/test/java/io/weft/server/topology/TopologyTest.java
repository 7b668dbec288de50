package io.weft.server.topology;

import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the topology tests share: a fresh database with the topology services, root, a tenant, and
 * the agent grants the services made.
 */
abstract class TopologyTest {
    @TempDir
    Path dataDirectory;

    TenancyFixture fixture;
    ZoneService zones;
    PodService pods;
    ClusterService clusters;
    HostService hosts;
    TopologyStore store;
    final List<String> grants = new ArrayList<>();
    final List<String> revocations = new ArrayList<>();
    Caller root;
    Caller tenant;

    @BeforeEach
    void start() {
        fixture = new TenancyFixture(DatabaseVendor.H2, dataDirectory);
        TopologyServices topology = new TopologyServices(
                fixture.database.sessionFactory(),
                fixture.authorizer,
                fixture.apiKeys,
                fixture.cipher,
                fixture.clock,
                new AgentAccess() {
                    @Override
                    public void grant(String hostId, String user, String secret) {
                        grants.add(hostId + " " + user);
                    }

                    @Override
                    public void revoke(String hostId, String user) {
                        revocations.add(hostId + " " + user);
                    }
                });
        zones = topology.zones;
        pods = topology.pods;
        clusters = topology.clusters;
        hosts = topology.hosts;
        store = topology.store;
        root = fixture.root;
        tenant = fixture.account(root, root.domainId(), "tenant", Role.USER);
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
