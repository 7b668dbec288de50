package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime runs the dispatcher on its own thread between opening and closing the agents' connections. */
class DispatcherRuntimeTest {
    @TempDir
    Path dir;

    private NetworkFixture fixture;
    private final TestingConnections connections = new TestingConnections();
    private DispatcherRuntime runtime;

    @BeforeEach
    void start() {
        fixture = new NetworkFixture(DatabaseVendor.H2, dir);
        DispatchSettings settings = DispatchSettings.defaults();
        runtime = new DispatcherRuntime(
                TestingDispatchers.over(fixture.sessions, connections, Clock.systemUTC(), settings),
                connections,
                settings.pollInterval());
    }

    @AfterEach
    void stop() {
        runtime.close();
        fixture.close();
    }

    @Test
    void beforeItStartsItAnswersThatItHasSentNothing() {
        assertThat(runtime.dispatching()).isTrue();
        assertThat(runtime.isLeader()).isFalse();
        assertThat(runtime.hosts()).isEmpty();
        assertThat(runtime.change(1).dispatched()).isFalse();
        assertThat(connections.inbox).isNull();
    }

    @Test
    void startedItLeadsSendsAndHearsTheAgentsUntilClosed() throws Exception {
        runtime.start();

        await().atMost(Duration.ofSeconds(30)).until(runtime::isLeader);
        await().atMost(Duration.ofSeconds(30)).until(() -> connections.sent.size() >= 2);
        String hostId = connections.sent.get(0).hostId();
        HostUpdate update = connections.sent.stream()
                .filter(u -> u.hostId().equals(hostId))
                .reduce((older, newer) -> newer)
                .orElseThrow();
        connections.inbox.accept(new Heartbeat(
                HostMessage.SCHEMA_VERSION,
                update.hostId(),
                update.generation(),
                update.desiredHash(),
                true,
                DataplaneCounters.empty()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.host(update.hostId())
                .map(HostConvergence::inSync)
                .orElse(false));

        runtime.close();
        assertThat(connections.closed).isTrue();
    }

    /** Records what is sent and keeps the inbox handler, as the broker connections would feed it. */
    private static final class TestingConnections implements HostConnections {
        final List<HostUpdate> sent = new CopyOnWriteArrayList<>();
        volatile Consumer<HostMessage> inbox;
        volatile boolean closed;

        @Override
        public void start(Consumer<HostMessage> inboxHandler) {
            inbox = inboxHandler;
        }

        @Override
        public void send(HostUpdate update) {
            sent.add(update);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
