package io.weft.it.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.lab.harness.AdvancedZone;
import io.weft.lab.harness.SimulatedHost;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.HostConvergence;
import io.weft.server.dispatch.HostSyncState;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import io.weft.server.topology.ZoneView;
import io.weft.testsupport.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management server and real agents over the embedded broker, with in-memory dataplanes. */
public class ServerToAgentsTest {
    @TempDir
    Path dir;

    private WeftServer server;
    private final List<SimulatedHost> hosts = new ArrayList<>();

    @AfterEach
    void stop() {
        hosts.forEach(SimulatedHost::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void addedHostsReceiveTheirStateOverTheBrokerAndAreShownInSync() {
        server = WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dir.resolve("server"))
                .with("dispatch.ackTimeout", "2s")
                .asMap()));
        Caller admin = server.injector().getInstance(TenancyBootstrap.class).run();
        ZoneView zone = server.injector().getInstance(ZoneService.class).create(admin, zoneSpec());
        HostService hostService = server.injector().getInstance(HostService.class);
        for (int i = 1; i <= 3; i++) {
            AddedHost added = hostService.add(
                    admin,
                    new HostSpec(
                            zone.id(),
                            Optional.empty(),
                            Optional.empty(),
                            "hv" + i,
                            "10.250.9." + i,
                            HypervisorType.KVM));
            hosts.add(new SimulatedHost(
                            added.host().id().toString(),
                            server.brokerUrl(),
                            added.credential().user(),
                            added.credential().secret(),
                            dir.resolve("agent-" + i))
                    .start());
        }
        ConvergenceQueries dispatcher = server.injector().getInstance(ConvergenceQueries.class);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<HostConvergence> states = dispatcher.hosts();
            assertThat(states).hasSize(3);
            assertThat(states).allSatisfy(h -> assertThat(h.state()).isEqualTo(HostSyncState.IN_SYNC));
        });
        for (SimulatedHost host : hosts) {
            HostConvergence convergence = dispatcher.host(host.hostId()).orElseThrow();
            assertThat(host.agent().state().hash()).isEqualTo(convergence.desiredHash());
            assertThat(host.agent().inSync()).isTrue();
        }
    }

    public static ZoneSpec zoneSpec() {
        return AdvancedZone.named(
                "zone-" + UUID.randomUUID().toString().substring(0, 8),
                new SegmentRange(IsolationType.VXLAN, 5000, 5999),
                new SegmentRange(IsolationType.GRE, 100, 199));
    }
}
