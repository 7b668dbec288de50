package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NicSpec;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.service.Mutation;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.ResyncRequest;
import io.weft.spec.host.UpdateKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two management servers share one database: only the lease holder dispatches; when it stops, the
 * standby takes over in a newer epoch, rebuilds its fleet from the database, sends every host a
 * FULL (which the agents ack with their hash), and goes on dispatching new changes. Both run on the
 * test's thread over one clock that moves only when told, so the lease's expiry is stepped through.
 */
class DispatcherFailoverTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private static final Duration LEASE = Duration.ofSeconds(8);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<HostUpdate> sentByFirst = new ArrayList<>();
    private final List<HostUpdate> sentBySecond = new ArrayList<>();

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theStandbyTakesOverInANewerEpochAndResyncsEveryHost() {
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        Dispatcher first = dispatcher(sentByFirst);
        first.tick();
        assertThat(sentByFirst).hasSizeGreaterThanOrEqualTo(2);
        Dispatcher second = dispatcher(sentBySecond);
        // Longer than the lease, with the leader renewing it: the standby never gets it.
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            first.tick();
            second.tick();
        }
        assertThat(sentBySecond).isEmpty();
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        long firstEpoch = sentByFirst.get(0).generation().epoch();

        // The first server stops: it renews no more, and its lease runs out. The agents never say
        // what they hold, so once the ack timeout has passed the new leader sends each a FULL.
        clock.advance(LEASE.plusSeconds(1));
        second.tick();
        assertThat(second.isLeader()).isTrue();
        assertThat(sentBySecond).isEmpty();
        stepPast(ACK_TIMEOUT, second);
        assertThat(hosts(sentBySecond)).hasSizeGreaterThanOrEqualTo(2);

        assertThat(second.isLeader()).isTrue();
        assertThat(sentBySecond).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(UpdateKind.FULL);
            assertThat(update.generation().epoch()).isGreaterThan(firstEpoch);
        });
        assertThat(hosts(sentBySecond)).containsExactlyInAnyOrder(fixture.host1.toString(), fixture.host2.toString());

        int before = sentBySecond.size();
        bindNewNic(network, fixture.host2);
        second.tick();
        assertThat(sentBySecond).hasSizeGreaterThan(before);
        assertThat(sentBySecond.subList(before, sentBySecond.size()))
                .extracting(HostUpdate::kind)
                .contains(UpdateKind.DELTA);
    }

    /**
     * A change committed after the old leader's last dispatch is carried by the new leader's FULLs,
     * so planning it afterwards changes no host's state: it must still count as live only once the
     * hosts it reaches have applied those FULLs, not the moment it is marked dispatched.
     */
    @Test
    void aChangeCarriedByTheTakeOversFullIsLiveOnlyOnceTheHostAppliesIt() {
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        Dispatcher first = dispatcher(sentByFirst);
        first.tick();
        long changeId = bindNewNic(network, fixture.host2).lastChangeId().orElseThrow();

        Dispatcher second = dispatcher(sentBySecond);
        clock.advance(LEASE.plusSeconds(1));
        second.tick();

        ChangeStatus carried = second.change(changeId);
        assertThat(carried.dispatched()).isTrue();
        assertThat(carried.live()).isFalse();
        assertThat(carried.waitingFor()).contains(fixture.host2.toString());

        List.copyOf(sentBySecond)
                .forEach(update -> second.handle(new HostAck(
                        1, update.hostId(), update.generation(), update.desiredHash(), AckStatus.APPLIED, null)));
        assertThat(second.change(changeId).live()).isTrue();
    }

    @Test
    void agentsAlreadyInSyncAreConfirmedWithAFewBytesNotSentTheirStateAgain() {
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        bindNewNic(network, fixture.host2);
        Dispatcher first = dispatcher(sentByFirst);
        first.tick();
        Map<String, SimulatedAgent> agents = new TreeMap<>();
        sentByFirst.forEach(update -> agents.computeIfAbsent(update.hostId(), h -> new SimulatedAgent())
                .apply(update));
        long firstEpoch = sentByFirst.get(0).generation().epoch();
        String host1 = fixture.host1.toString();
        String host2 = fixture.host2.toString();

        Dispatcher second = dispatcher(sentBySecond);
        clock.advance(LEASE.plusSeconds(1));
        second.tick();
        // host1's agent reconnects to the new server and says what it holds; host2's heartbeats.
        SimulatedAgent agent1 = agents.get(host1);
        SimulatedAgent agent2 = agents.get(host2);
        second.handle(new ResyncRequest(
                1, host1, agent1.applied(), "agent connected", agent1.state().hash()));
        second.handle(
                new Heartbeat(1, host2, agent2.applied(), agent2.state().hash(), true, DataplaneCounters.empty()));

        assertThat(hosts(sentBySecond)).containsExactlyInAnyOrder(host1, host2);
        HostMessageCodec codec = new HostMessageCodec();
        assertThat(sentBySecond).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(UpdateKind.DELTA);
            assertThat(update.upserts()).isEmpty();
            assertThat(update.deletes()).isEmpty();
            assertThat(update.generation().epoch()).isGreaterThan(firstEpoch);
            assertThat(codec.encodeBytes(update)).hasSizeLessThan(1024);
        });
        // Each agent takes the confirmation on top of what it holds, with the hash it announces.
        sentBySecond.forEach(update -> agents.get(update.hostId()).apply(update));

        // The next change goes on from the confirmed generation as an ordinary DELTA.
        int before = sentBySecond.size();
        bindNewNic(network, fixture.host2);
        second.tick();
        List<HostUpdate> next = sentBySecond.subList(before, sentBySecond.size());
        assertThat(next).isNotEmpty().extracting(HostUpdate::kind).containsOnly(UpdateKind.DELTA);
        next.forEach(update -> agents.get(update.hostId()).apply(update));
    }

    @Test
    void anAgentHoldingSomethingElseGetsAFullAndASilentOneGetsItAfterTheAckTimeout() {
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        bindNewNic(network, fixture.host2);
        Dispatcher first = dispatcher(sentByFirst);
        first.tick();
        String host1 = fixture.host1.toString();
        String host2 = fixture.host2.toString();
        HostUpdate toHost1 = sentByFirst.stream()
                .filter(update -> update.hostId().equals(host1))
                .findFirst()
                .orElseThrow();

        Dispatcher second = dispatcher(sentBySecond);
        clock.advance(LEASE.plusSeconds(1));
        second.tick();
        second.handle(new ResyncRequest(1, host1, toHost1.generation(), "agent connected", "not-what-it-was-sent"));
        assertThat(sentBySecond).singleElement().satisfies(update -> {
            assertThat(update.hostId()).isEqualTo(host1);
            assertThat(update.kind()).isEqualTo(UpdateKind.FULL);
        });

        HostUpdate full = sentBySecond.get(0);
        second.handle(new HostAck(1, host1, full.generation(), full.desiredHash(), AckStatus.APPLIED, null));

        stepPast(ACK_TIMEOUT, second);
        assertThat(sentBySecond).hasSize(2);
        assertThat(sentBySecond.get(1).hostId()).isEqualTo(host2);
        assertThat(sentBySecond.get(1).kind()).isEqualTo(UpdateKind.FULL);
    }

    /** Moves the clock a second at a time past {@code duration}, the leader ticking (and renewing) each time. */
    private void stepPast(Duration duration, Dispatcher leader) {
        for (long second = 0; second <= duration.toSeconds(); second++) {
            clock.advance(Duration.ofSeconds(1));
            leader.tick();
        }
    }

    private Dispatcher dispatcher(List<HostUpdate> sent) {
        return TestingDispatchers.over(
                fixture.sessions,
                sent::add,
                clock,
                new DispatchSettings(
                        DispatchSettings.defaults().bridge(),
                        ACK_TIMEOUT,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        Duration.ofMillis(20),
                        LEASE,
                        500));
    }

    private Mutation<?> bindNewNic(NetworkView network, java.util.UUID host) {
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
        return fixture.nics.bind(fixture.root, nic.id(), host);
    }

    private static Set<String> hosts(List<HostUpdate> updates) {
        return updates.stream().map(HostUpdate::hostId).collect(Collectors.toSet());
    }
}
