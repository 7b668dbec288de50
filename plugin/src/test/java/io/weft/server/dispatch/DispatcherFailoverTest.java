package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.server.compute.NicSpec;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two management servers share one database: only the lease holder dispatches; when it stops, the
 * standby takes over in a newer epoch, rebuilds its fleet from the database, sends every host a
 * FULL (which the agents ack with their hash), and goes on dispatching new changes.
 */
class DispatcherFailoverTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private final List<HostUpdate> sentByFirst = new CopyOnWriteArrayList<>();
    private final List<HostUpdate> sentBySecond = new CopyOnWriteArrayList<>();
    private Dispatcher first;
    private Dispatcher second;

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        fixture.close();
    }

    @Test
    void theStandbyTakesOverInANewerEpochAndResyncsEveryHost() {
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        first = dispatcher(sentByFirst);
        first.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sentByFirst.size() >= 2);
        second = dispatcher(sentBySecond);
        second.start();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(sentBySecond::isEmpty);
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        long firstEpoch = sentByFirst.get(0).generation().epoch();

        first.close();
        first = null;
        await().atMost(Duration.ofSeconds(60)).until(() -> hosts(sentBySecond).size() >= 2);

        assertThat(second.isLeader()).isTrue();
        assertThat(sentBySecond).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(UpdateKind.FULL);
            assertThat(update.generation().epoch()).isGreaterThan(firstEpoch);
        });
        assertThat(hosts(sentBySecond)).containsExactlyInAnyOrder(fixture.host1.toString(), fixture.host2.toString());

        int before = sentBySecond.size();
        bindNewNic(network, fixture.host2);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentBySecond.size() > before);
        assertThat(sentBySecond.subList(before, sentBySecond.size()))
                .extracting(HostUpdate::kind)
                .contains(UpdateKind.DELTA);
    }

    private Dispatcher dispatcher(List<HostUpdate> sent) {
        return new Dispatcher(
                fixture.sessions,
                new FleetStore(DispatchSettings.defaults()),
                sent::add,
                Clock.systemUTC(),
                new DispatchSettings(
                        DispatchSettings.defaults().bridge(),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        Duration.ofMillis(20),
                        Duration.ofSeconds(8),
                        500),
                new SimpleMeterRegistry(),
                status -> {});
    }

    private void bindNewNic(NetworkView network, java.util.UUID host) {
        var nic = fixture.nics
                .create(
                        fixture.alice,
                        Optional.empty(),
                        new NicSpec(
                                network.id(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                List.of(),
                                Optional.empty()))
                .value();
        fixture.nics.bind(fixture.root, nic.id(), host);
    }

    private static Set<String> hosts(List<HostUpdate> updates) {
        return updates.stream().map(HostUpdate::hostId).collect(Collectors.toSet());
    }
}
