package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.spec.host.Generation;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Make-before-break as a pure sequence: a NIC moves from host "a" to host "b" while "c" holds a
 * peer. Time and acks are explicit inputs, so "still held" is an assertion about one call.
 */
class MoveOrderingTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<MoveOrdering.Move> NIC_FROM_A_TO_B = List.of(new MoveOrdering.Move("nic", "a", "b"));
    private static final Map<String, Generation> BATCH = Map.of("a", gen(5), "b", gen(7), "c", gen(3));

    private final MoveOrdering ordering = new MoveOrdering(TIMEOUT);

    @Test
    void theDestinationIsSentAtOnceThePeersOnceItAppliedAndTheSourceLast() {
        ordering.order(NIC_FROM_A_TO_B, BATCH, NOW);

        assertThat(ordering.offer(update("b", 7))).isFalse();
        assertThat(ordering.offer(update("c", 3))).isTrue();
        assertThat(ordering.offer(update("a", 5))).isTrue();
        assertThat(ordering.release(applied(Map.of()), NOW)).isEmpty();
        assertThat(ordering.release(applied(Map.of("b", 6)), NOW))
                .as("an older generation on the destination is not enough")
                .isEmpty();

        assertThat(ordering.release(applied(Map.of("b", 7)), NOW)).containsExactly(update("c", 3));
        assertThat(ordering.holds("c")).isFalse();
        assertThat(ordering.holds("a")).isTrue();
        assertThat(ordering.release(applied(Map.of("b", 7)), NOW)).isEmpty();

        assertThat(ordering.release(applied(Map.of("b", 7, "c", 3)), NOW)).containsExactly(update("a", 5));
        assertThat(ordering.holds("a")).isFalse();
        assertThat(ordering.offer(update("a", 6))).as("no barrier left").isFalse();
    }

    @Test
    void aDeadDestinationHoldsTheOthersOnlyUntilTheDeadline() {
        ordering.order(NIC_FROM_A_TO_B, BATCH, NOW);
        ordering.offer(update("c", 3));
        ordering.offer(update("a", 5));

        assertThat(ordering.release(applied(Map.of()), NOW.plus(TIMEOUT).minusMillis(1)))
                .isEmpty();
        assertThat(ordering.release(applied(Map.of()), NOW.plus(TIMEOUT)))
                .containsExactly(update("a", 5), update("c", 3));
    }

    @Test
    void updatesQueuedBehindABarrierLeaveInTheOrderTheyWereQueued() {
        ordering.order(NIC_FROM_A_TO_B, BATCH, NOW);
        ordering.offer(update("c", 3));
        ordering.offer(update("c", 4));

        assertThat(ordering.release(applied(Map.of("b", 7)), NOW)).containsExactly(update("c", 3), update("c", 4));
    }

    @Test
    void hostsOutsideTheBatchAreNeverHeld() {
        ordering.order(NIC_FROM_A_TO_B, BATCH, NOW);

        assertThat(ordering.holds("d")).isFalse();
        assertThat(ordering.offer(update("d", 1))).isFalse();
    }

    @Test
    void aMoveBetweenTheOnlyTwoHostsHoldsTheSourceBehindTheDestination() {
        ordering.order(NIC_FROM_A_TO_B, Map.of("a", gen(5), "b", gen(7)), NOW);

        assertThat(ordering.holds("b")).isFalse();
        assertThat(ordering.holds("a")).isTrue();
        assertThat(ordering.offer(update("a", 5))).isTrue();
        assertThat(ordering.release(applied(Map.of("b", 7)), NOW)).containsExactly(update("a", 5));
    }

    @Test
    void aNewEpochForgetsEveryBarrier() {
        ordering.order(NIC_FROM_A_TO_B, BATCH, NOW);
        ordering.offer(update("c", 3));

        ordering.clear();

        assertThat(ordering.holds("c")).isFalse();
        assertThat(ordering.holds("a")).isFalse();
        assertThat(ordering.release(applied(Map.of()), NOW)).isEmpty();
    }

    @Test
    void aMoveIsANicTheFleetHasOnOneHostThatAChangePutsOnAnother() {
        FleetModel fleet = new FleetModel();
        List.<FleetChange>of(
                        new FleetChange.PutHost(FleetFixtures.host(1)),
                        new FleetChange.PutHost(FleetFixtures.host(2)),
                        new FleetChange.PutNetwork(FleetFixtures.network(1)),
                        new FleetChange.PutNic(FleetFixtures.nic(1, 1, 1), false),
                        new FleetChange.PutNic(FleetFixtures.nic(2, 1, 1), false),
                        new FleetChange.PutNic(FleetFixtures.nic(3, 1, null), false))
                .forEach(change -> change.applyTo(fleet));

        List<MoveOrdering.Move> moves = MoveOrdering.movesIn(
                List.of(
                        new FleetChange.PutNic(FleetFixtures.nic(1, 1, 2), false),
                        new FleetChange.PutNic(FleetFixtures.nic(2, 1, 1), false),
                        new FleetChange.PutNic(FleetFixtures.nic(3, 1, 2), false),
                        new FleetChange.PutNic(FleetFixtures.nic(4, 1, 2), false)),
                fleet);

        assertThat(moves).containsExactly(new MoveOrdering.Move("nic1", "h1", "h2"));
    }

    /** What the agents have acked: the newest generation number per host. */
    private static BiPredicate<String, Generation> applied(Map<String, Integer> numbers) {
        return (host, generation) ->
                numbers.containsKey(host) && gen(numbers.get(host)).compareTo(generation) >= 0;
    }

    private static Generation gen(long number) {
        return new Generation(1, number);
    }

    private static HostUpdate update(String host, long number) {
        return new HostUpdate(
                1, host, gen(number), Generation.NONE, UpdateKind.FULL, List.of(), List.of(), "h" + number);
    }
}
