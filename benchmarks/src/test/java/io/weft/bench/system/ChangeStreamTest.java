package io.weft.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.testsupport.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short change stream through the real API and broker to twenty real agents: every change is
 * acked by every host it reaches, and afterwards every agent holds exactly what the server compiled
 * for its host. No timing is asserted; the figures are the benchmark's to report.
 */
class ChangeStreamTest {
    @TempDir
    Path dir;

    @Test
    void everyChangeIsAckedByEveryAffectedHostAndTheAgentsEndOnTheServersHashes() throws Exception {
        try (WeftServer server = WeftServer.start(
                WeftConfig.of(ServerSettings.ephemeral(dir.resolve("server")).asMap()))) {
            SmallTopology topology = SmallTopology.build(server, 20, 2, 8);
            ConvergenceQueries convergence = server.injector().getInstance(ConvergenceQueries.class);
            try (AgentFleet fleet = AgentFleet.startInSync(
                    server.brokerUrl(),
                    topology.agents(),
                    dir.resolve("agents"),
                    AgentFleet.FLEET_TIMING,
                    convergence,
                    Duration.ofSeconds(60))) {
                EndToEndFigures figures =
                        ChangeStream.run(topology, ChangeStream.Settings.of(10, Duration.ofSeconds(4)));

                System.out.println(new ObjectMapper().writeValueAsString(figures));

                assertThat(figures.failureSamples()).isEmpty();
                assertThat(figures.changesIssued()).isPositive();
                assertThat(figures.changesAcked()).isEqualTo(figures.changesIssued());
                assertThat(figures.byKind()).containsKeys("AUTHORIZE_RULE", "REVOKE_RULE", "JOIN_GROUP", "PLUG_NIC");
                // A membership change reaches the NIC's host and the hosts whose rules admit its group.
                assertThat(figures.maxAffectedHosts()).isGreaterThan(1);

                fleet.awaitInSync(convergence, Duration.ofSeconds(30));
                assertThat(fleet.behind(convergence)).isEmpty();
            }
        }
    }
}
