package io.weft.server.api.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.PortStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WiredPortsTest {
    private static final String PORT = "port-1";
    private static final String H1 = "host-1";
    private static final String H2 = "host-2";

    private final WiredPorts wired = new WiredPorts();

    @Test
    void aPortIsWiredOnlyOnTheHostThatReportedIt() {
        assertThat(wired.record(report(H1, PortStatus.State.WIRED, 3))).isTrue();

        assertThat(wired.isWired(PORT, Optional.of(H1))).isTrue();
        assertThat(wired.isWired(PORT, Optional.of(H2))).isFalse();
        assertThat(wired.isWired(PORT, Optional.empty())).isFalse();
        assertThat(wired.isWired("port-2", Optional.of(H1))).isFalse();
    }

    @Test
    void aRepeatedWiredReportIsNotNewlyWired() {
        wired.record(report(H1, PortStatus.State.WIRED, 3));

        assertThat(wired.record(report(H1, PortStatus.State.WIRED, 4))).isFalse();
        assertThat(wired.isWired(PORT, Optional.of(H1))).isTrue();
    }

    @Test
    void unwiredClearsAndAFreshWiredIsNewAgainEvenAtTheSameGeneration() {
        wired.record(report(H1, PortStatus.State.WIRED, 3));

        assertThat(wired.record(report(H1, PortStatus.State.UNWIRED, 3))).isFalse();
        assertThat(wired.isWired(PORT, Optional.of(H1))).isFalse();
        // The tap came back without a new generation: that is a new plug.
        assertThat(wired.record(report(H1, PortStatus.State.WIRED, 3))).isTrue();
    }

    @Test
    void aStaleReportFromAnOlderGenerationIsIgnored() {
        wired.record(report(H1, PortStatus.State.UNWIRED, 7));

        assertThat(wired.record(report(H1, PortStatus.State.WIRED, 6))).isFalse();
        assertThat(wired.isWired(PORT, Optional.of(H1))).isFalse();
    }

    @Test
    void duringAMigrationTheOldHostUnwiringDoesNotUnwireTheNewHost() {
        wired.record(report(H1, PortStatus.State.WIRED, 3));
        assertThat(wired.record(report(H2, PortStatus.State.WIRED, 1))).isTrue();

        wired.record(report(H1, PortStatus.State.UNWIRED, 4));

        assertThat(wired.isWired(PORT, Optional.of(H2))).isTrue();
        assertThat(wired.isWired(PORT, Optional.of(H1))).isFalse();
    }

    @Test
    void aDeletedPortIsForgotten() {
        wired.record(report(H1, PortStatus.State.WIRED, 3));

        wired.forget(PORT);

        assertThat(wired.isWired(PORT, Optional.of(H1))).isFalse();
        assertThat(wired.record(report(H1, PortStatus.State.WIRED, 1))).isTrue();
    }

    @Test
    void onlyNewlyWiredPortsBecomeNicPluggedEvents() {
        List<NicPlugged> sent = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
        PortApiEvents events = new PortApiEvents(wired, sent::add, clock, port -> Optional.of(H1));

        events.portStatus(report(H1, PortStatus.State.WIRED, 1));
        events.portStatus(report(H1, PortStatus.State.WIRED, 2));
        events.portStatus(report(H1, PortStatus.State.UNWIRED, 3));

        assertThat(sent).containsExactly(new NicPlugged(PORT, H1, clock.instant()));
    }

    @Test
    void aPortWiredByAHostItIsNotBoundToIsNeitherWiredThereNorAnEvent() {
        List<NicPlugged> sent = new ArrayList<>();
        PortApiEvents events = new PortApiEvents(wired, sent::add, Clock.systemUTC(), port -> Optional.of(H1));

        events.portStatus(report(H2, PortStatus.State.WIRED, 1));

        assertThat(sent).isEmpty();
        assertThat(wired.isWired(PORT, Optional.of(H2))).isFalse();
        assertThat(wired.isWired(PORT, Optional.of(H1))).isFalse();
    }

    private static PortStatus report(String host, PortStatus.State state, long generation) {
        return new PortStatus(HostMessage.SCHEMA_VERSION, host, PORT, state, new Generation(1, generation));
    }
}
