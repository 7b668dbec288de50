package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.server.compute.NicSpec;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.ResyncRequest;
import io.weft.spec.host.UpdateKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that asks for its state again and again without saying what it holds gets one FULL per
 * pacing interval: the first at once, the rest deferred into one FULL when the interval ends, each
 * deferred request counted. Another host's request is not held up by it.
 */
class HashlessResyncPacingTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<HostUpdate> sent = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Dispatcher dispatcher;

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
        NetworkView network = fixture.network(fixture.alice, "net", "10.9.0.0/24");
        bindNewNic(network, fixture.host1);
        bindNewNic(network, fixture.host2);
        dispatcher = new Dispatcher(
                new DispatcherLeaseStore(fixture.sessions),
                new OutboxReader(fixture.sessions, new FleetStore(DispatchSettings.defaults()), 500),
                sent::add,
                new HostStatusWriter(fixture.sessions),
                new DispatcherMetrics(meters),
                status -> {},
                clock,
                DispatchSettings.defaults());
        dispatcher.tick();
        // Both hosts apply what they were sent, so that nothing else makes a FULL.
        List.copyOf(sent)
                .forEach(update -> dispatcher.handle(new HostAck(
                        1, update.hostId(), update.generation(), update.desiredHash(), AckStatus.APPLIED, null)));
        sent.clear();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aFloodOfHashlessResyncsCostsOneFullPerIntervalAndNoneIsDropped() {
        String flooder = fixture.host1.toString();
        String honest = fixture.host2.toString();

        for (int i = 0; i < 100; i++) {
            dispatcher.handle(hashless(flooder));
        }
        assertThat(fullsTo(flooder)).isEqualTo(1);
        assertThat(deferred()).isEqualTo(99);

        // Another host's request goes out at once.
        dispatcher.handle(hashless(honest));
        assertThat(fullsTo(honest)).isEqualTo(1);

        // Inside the interval, ticks send nothing more; at its end, one FULL answers the 99.
        clock.advance(Dispatcher.HASHLESS_RESYNC_INTERVAL.minusSeconds(1));
        dispatcher.tick();
        assertThat(fullsTo(flooder)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.tick();
        assertThat(fullsTo(flooder)).isEqualTo(2);
        dispatcher.tick();
        assertThat(fullsTo(flooder)).isEqualTo(2);

        // The deferred FULL opened a new interval: a request right after it waits for its end.
        dispatcher.handle(hashless(flooder));
        assertThat(fullsTo(flooder)).isEqualTo(2);
        clock.advance(Dispatcher.HASHLESS_RESYNC_INTERVAL);
        dispatcher.tick();
        assertThat(fullsTo(flooder)).isEqualTo(3);
        assertThat(deferred()).isEqualTo(100);
        assertThat(sent).allSatisfy(update -> assertThat(update.kind()).isEqualTo(UpdateKind.FULL));
    }

    @Test
    void aLoneRequestAfterTheIntervalGoesOutAtOnce() {
        String host = fixture.host1.toString();
        dispatcher.handle(hashless(host));
        clock.advance(Dispatcher.HASHLESS_RESYNC_INTERVAL);
        dispatcher.handle(hashless(host));
        assertThat(fullsTo(host)).isEqualTo(2);
        assertThat(deferred()).isZero();
    }

    private static ResyncRequest hashless(String hostId) {
        return new ResyncRequest(1, hostId, io.weft.spec.host.Generation.NONE, "asks again", "");
    }

    private long fullsTo(String hostId) {
        return sent.stream()
                .filter(update -> update.hostId().equals(hostId) && update.kind() == UpdateKind.FULL)
                .count();
    }

    private double deferred() {
        return meters.counter(DispatcherMetrics.RESYNCS_DEFERRED).count();
    }

    private void bindNewNic(NetworkView network, java.util.UUID host) {
        var nic = fixture.nics
                .create(fixture.alice, Optional.empty(), NicSpec.on(network.id()))
                .value();
        fixture.nics.bind(fixture.root, nic.id(), host);
    }
}
