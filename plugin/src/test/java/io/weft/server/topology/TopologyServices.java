package io.weft.server.topology;

import io.weft.server.compute.ComputeOccupancy;
import io.weft.server.network.NetworkOccupancy;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.SecretCipher;
import io.weft.server.tenancy.ApiKeys;
import io.weft.server.tenancy.Authorizer;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.SessionFactory;

/** The four topology services wired by hand, with what the features above keep in zones and on hosts. */
public final class TopologyServices {
    public final TopologyStore store;
    public final ZoneService zones;
    public final PodService pods;
    public final ClusterService clusters;
    public final HostService hosts;

    public TopologyServices(
            SessionFactory sessions,
            Authorizer authorizer,
            ApiKeys keys,
            SecretCipher cipher,
            Clock clock,
            AgentAccess agentAccess) {
        store = new TopologyStore(new LinkedHashSet<>(List.of(new NetworkOccupancy(), new ComputeOccupancy())));
        TopologyOperations operations = new TopologyOperations(sessions, store, authorizer);
        zones = new ZoneService(operations, store, clock);
        pods = new PodService(operations, store, clock);
        clusters = new ClusterService(operations, store, clock);
        hosts = new HostService(
                operations,
                store,
                keys,
                cipher,
                clock,
                new ChangeLog(clock),
                agentAccess,
                new AgentDirectory(operations, clock));
    }
}
