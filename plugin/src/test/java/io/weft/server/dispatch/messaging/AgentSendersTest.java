package io.weft.server.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentSendersTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private final AgentSenders senders = new AgentSenders(
            user -> Optional.ofNullable(Map.of("host-a", "a", "host-b", "b").get(user)), meters, clock);

    @Test
    void anAgentSpeaksForItsOwnHostOnly() {
        assertThat(senders.admits(Optional.of("host-a"), heartbeat("a"))).isTrue();
        assertThat(senders.admits(Optional.of("host-a"), heartbeat("b"))).isFalse();
        assertThat(senders.admits(Optional.of("host-a"), heartbeat("invented"))).isFalse();
        assertThat(refused("other_host")).isEqualTo(2);
    }

    @Test
    void aMessageWithoutASenderOrFromNoHostsAgentIsRefused() {
        assertThat(senders.admits(Optional.empty(), heartbeat("a"))).isFalse();
        assertThat(senders.admits(Optional.of("weft-manager"), heartbeat("a"))).isFalse();
        assertThat(senders.admits(Optional.of("host-deleted"), heartbeat("deleted")))
                .isFalse();
        assertThat(refused("no_sender")).isEqualTo(1);
        assertThat(refused("not_an_agent")).isEqualTo(2);
        assertThat(refused("other_host")).isZero();
    }

    @Test
    void unreadableMessagesAreCounted() {
        senders.malformed(Optional.of("host-a"), "not JSON");
        assertThat(refused("malformed")).isEqualTo(1);
    }

    @Test
    void refusalsAreLoggedAtMostOncePerIntervalAndWireTextCannotForgeLines() {
        BoundedLog log = new BoundedLog(clock);
        assertThat(log.warn("first")).isTrue();
        assertThat(log.warn("second")).isFalse();
        clock.advance(BoundedLog.INTERVAL.minusMillis(1));
        assertThat(log.warn("third")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(log.warn("fourth")).isTrue();

        assertThat(BoundedLog.clean("host x\nWARN forged line")).isEqualTo("host x?WARN forged line");
        assertThat(BoundedLog.clean("h".repeat(1000))).hasSize(303);
    }

    private double refused(String reason) {
        return meters.counter(AgentSenders.REFUSED_METRIC, "reason", reason).count();
    }

    private static Heartbeat heartbeat(String hostId) {
        return new Heartbeat(HostMessage.SCHEMA_VERSION, hostId, Generation.NONE, "", true, DataplaneCounters.empty());
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("stays in UTC");
        }
    }
}
