package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.NicView;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NIC moving from one host to another reaches the destination first, the peers once the
 * destination has applied it, and the source last: the zero-loss order of a live migration.
 */
class DispatcherMakeBeforeBreakTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private Dispatcher dispatcher;
    private final List<HostUpdate> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        fixture.close();
    }

    @Test
    void aMovingNicIsProgrammedOnTheDestinationThenThePeersThenRemovedFromTheSource() {
        UUID host3 = fixture.topology
                .addHost(
                        fixture.root,
                        new HostSpec(
                                fixture.zone,
                                Optional.empty(),
                                Optional.empty(),
                                "kvm-3",
                                "192.168.0.13",
                                HypervisorType.KVM))
                .host()
                .id();
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        NicView moving = nic(network, fixture.host1);
        nic(network, host3);
        dispatcher = new Dispatcher(
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
                        Duration.ofSeconds(15),
                        500),
                new SimpleMeterRegistry(),
                status -> {});
        dispatcher.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= 3);
        ackEverythingSentSoFar();
        int before = sent.size();

        fixture.nics.bind(fixture.root, moving.id(), fixture.host2);

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() > before);
        sleep(500);
        assertThat(hostsSentAfter(before)).containsExactly(fixture.host2.toString());

        ack(updateFor(fixture.host2, before));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hostsSentAfter(before).size() == 2);
        sleep(500);
        assertThat(hostsSentAfter(before)).containsExactly(fixture.host2.toString(), host3.toString());

        ack(updateFor(host3, before));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hostsSentAfter(before).size() == 3);
        assertThat(hostsSentAfter(before))
                .containsExactly(fixture.host2.toString(), host3.toString(), fixture.host1.toString());
    }

    private NicView nic(NetworkView network, UUID host) {
        NicView nic = fixture.nics
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
        return nic;
    }

    private List<String> hostsSentAfter(int index) {
        return sent.subList(index, sent.size()).stream().map(HostUpdate::hostId).toList();
    }

    private HostUpdate updateFor(UUID host, int after) {
        return sent.subList(after, sent.size()).stream()
                .filter(u -> u.hostId().equals(host.toString()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private void ackEverythingSentSoFar() {
        sent.forEach(this::ack);
    }

    private void ack(HostUpdate update) {
        dispatcher.onMessage(
                new HostAck(1, update.hostId(), update.generation(), update.desiredHash(), AckStatus.APPLIED, null));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
