package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NIC moving from one host to another reaches the destination first, the peers once the
 * destination has applied it, and the source last: the zero-loss order of a live migration. The
 * dispatcher runs on the test's thread with a clock that moves only when told, so "nothing else was
 * sent" is asserted after passes of the loop, not after a sleep.
 */
class DispatcherMakeBeforeBreakTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private Dispatcher dispatcher;
    private final List<HostUpdate> sent = new ArrayList<>();
    private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aMovingNicIsProgrammedOnTheDestinationThenThePeersThenRemovedFromTheSource() {
        UUID host3 = fixture.hosts
                .add(
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
        dispatcher = TestingDispatchers.over(
                fixture.sessions,
                sent::add,
                clock,
                new DispatchSettings(
                        DispatchSettings.defaults().bridge(),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        Duration.ofMillis(20),
                        Duration.ofSeconds(15),
                        500));
        dispatcher.tick();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(3);
        ackEverythingSentSoFar();
        int before = sent.size();

        fixture.nics.bind(fixture.root, moving.id(), fixture.host2);

        dispatcher.tick();
        assertThat(sent).hasSizeGreaterThan(before);
        assertThat(hostsSentAfter(before)).containsExactly(fixture.host2.toString());
        passesWithoutAcks();
        assertThat(hostsSentAfter(before)).containsExactly(fixture.host2.toString());

        ack(updateFor(fixture.host2, before));
        assertThat(hostsSentAfter(before)).hasSize(2);
        passesWithoutAcks();
        assertThat(hostsSentAfter(before)).containsExactly(fixture.host2.toString(), host3.toString());

        ack(updateFor(host3, before));
        assertThat(hostsSentAfter(before)).hasSize(3);
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
        dispatcher.handle(
                new HostAck(1, update.hostId(), update.generation(), update.desiredHash(), AckStatus.APPLIED, null));
    }

    /**
     * Several passes of the loop over a few seconds, well inside the ack timeout (30 s) and the
     * barrier's deadline (three ack timeouts), with no ack arriving: held hosts must stay held.
     */
    private void passesWithoutAcks() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            dispatcher.tick();
        }
    }
}
