package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.spec.host.AckStatus;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergenceTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ConvergenceTracker tracker =
            new ConvergenceTracker(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void aMatchingAckMakesTheChangeLive() {
        tracker.sent(update("h1", 1, "a"), T0);
        tracker.changeDispatched(7, Map.of("h1", gen(1)));
        assertThat(tracker.change(7)).contains(Map.of("h1", false));

        assertThat(tracker.acked(ack("h1", 1, "a", AckStatus.APPLIED), T0)).isFalse();

        assertThat(tracker.change(7)).contains(Map.of("h1", true));
        assertThat(tracker.host("h1", T0).orElseThrow().state()).isEqualTo(HostSyncState.IN_SYNC);
    }

    @Test
    void anAckWithAnotherHashAsksForFull() {
        tracker.sent(update("h1", 1, "a"), T0);
        assertThat(tracker.acked(ack("h1", 1, "zzz", AckStatus.APPLIED), T0)).isTrue();
        assertThat(tracker.hasApplied("h1", gen(1))).isFalse();
    }

    @Test
    void aLateDuplicateAckOfAnOlderGenerationChangesNothing() {
        tracker.sent(update("h1", 1, "a"), T0);
        tracker.sent(update("h1", 2, "b"), T0);
        tracker.acked(ack("h1", 2, "b", AckStatus.APPLIED), T0);
        assertThat(tracker.acked(ack("h1", 1, "a", AckStatus.APPLIED), T0)).isFalse();
        assertThat(tracker.host("h1", T0).orElseThrow().applied()).isEqualTo(gen(2));
    }

    @Test
    void silenceIsRetriedWithExponentialBackoffNeverDropped() {
        HostUpdate u = update("h1", 1, "a");
        tracker.sent(u, T0);
        assertThat(tracker.overdue(T0.plusSeconds(4))).isEmpty();
        assertThat(tracker.overdue(T0.plusSeconds(5))).containsExactly("h1");

        tracker.resent(u, T0.plusSeconds(5));
        assertThat(tracker.overdue(T0.plusSeconds(14))).isEmpty();
        assertThat(tracker.overdue(T0.plusSeconds(15))).containsExactly("h1");

        for (int i = 0; i < 20; i++) {
            tracker.resent(u, T0);
        }
        assertThat(tracker.overdue(T0.plusSeconds(60))).containsExactly("h1");
    }

    @Test
    void failedAckIsVisibleWithTheAgentsError() {
        tracker.sent(update("h1", 1, "a"), T0);
        tracker.acked(new HostAck(1, "h1", gen(1), "a", AckStatus.FAILED, "iptables-restore: line 3 failed"), T0);
        HostConvergence host = tracker.host("h1", T0).orElseThrow();
        assertThat(host.state()).isEqualTo(HostSyncState.FAILED);
        assertThat(host.lastError()).contains("iptables-restore: line 3 failed");
    }

    @Test
    void heartbeatWithTheCurrentGenerationButAnotherHashAsksForFull() {
        tracker.sent(update("h1", 1, "a"), T0);
        tracker.acked(ack("h1", 1, "a", AckStatus.APPLIED), T0);
        assertThat(tracker.heartbeat(heartbeat("h1", 1, "a"), T0)).isFalse();
        assertThat(tracker.heartbeat(heartbeat("h1", 1, "drifted"), T0)).isTrue();
    }

    @Test
    void heartbeatProvesApplicationWhenTheAckWasLost() {
        tracker.sent(update("h1", 3, "c"), T0);
        tracker.heartbeat(heartbeat("h1", 3, "c"), T0);
        assertThat(tracker.hasApplied("h1", gen(3))).isTrue();
    }

    @Test
    void silentHostsShowAsDisconnected() {
        tracker.sent(update("h1", 1, "a"), T0);
        tracker.acked(ack("h1", 1, "a", AckStatus.APPLIED), T0);
        assertThat(tracker.host("h1", T0.plusSeconds(31)).orElseThrow().state()).isEqualTo(HostSyncState.DISCONNECTED);
    }

    private static Generation gen(long n) {
        return new Generation(1, n);
    }

    private static HostUpdate update(String host, long n, String hash) {
        return new HostUpdate(1, host, gen(n), Generation.NONE, UpdateKind.FULL, List.of(), List.of(), hash);
    }

    private static HostAck ack(String host, long n, String hash, AckStatus status) {
        return new HostAck(1, host, gen(n), hash, status, null);
    }

    private static Heartbeat heartbeat(String host, long n, String hash) {
        return new Heartbeat(1, host, gen(n), hash, true, DataplaneCounters.empty());
    }
}
