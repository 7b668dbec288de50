package io.weft.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.TestingHosts;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.ResyncRequest;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMS transport against a real embedded Artemis broker, including a broker restart. */
class JmsTransportTest {
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path journal;

    private EmbeddedActiveMQ broker;
    private int port;
    private JmsTransport transport;
    private final BlockingQueue<HostUpdate> updates = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private final HostMessageCodec codec = new HostMessageCodec();

    /** Accepts exactly the host's own credentials. */
    private static final class HostCredentials implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return TestingHosts.HOST.equals(user) && PASSWORD.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password);
        }
    }

    private void startBroker() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setJournalDirectory(journal.resolve("journal").toString());
        configuration.setBindingsDirectory(journal.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(journal.resolve("large").toString());
        configuration.setPagingDirectory(journal.resolve("paging").toString());
        configuration.setSecurityEnabled(true);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.setSecurityManager(new HostCredentials());
        broker.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private void startTransport() {
        String url = "tcp://127.0.0.1:" + port + "?reconnectAttempts=-1&retryInterval=100&retryIntervalMultiplier=1.5"
                + "&maxRetryInterval=1000";
        transport = new JmsTransport(TestingHosts.HOST, JmsSettings.of(url, TestingHosts.HOST, PASSWORD));
        transport.start(new AgentTransport.Listener() {
            @Override
            public void onUpdate(HostUpdate update) {
                updates.add(update);
            }

            @Override
            public void onConnected() {
                connections.add("connected");
            }
        });
    }

    private void serverSends(HostMessage message) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = factory.createConnection(TestingHosts.HOST, PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(HostQueues.hostQueue(TestingHosts.HOST)))
                    .send(session.createTextMessage(codec.encode(message)));
        }
    }

    private HostMessage serverReceives() throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = factory.createConnection(TestingHosts.HOST, PASSWORD)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(HostQueues.MANAGER));
            TextMessage message = (TextMessage) consumer.receive(TimeUnit.SECONDS.toMillis(10));
            assertNotNull(message, "nothing reached " + HostQueues.MANAGER);
            return codec.decode(message.getText());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void updatesArriveFromTheHostQueueAndRepliesReachTheManager() throws Exception {
        port = freePort();
        startBroker();
        startTransport();
        assertNotNull(connections.poll(10, TimeUnit.SECONDS));
        HostUpdate full = TestingHosts.full(1, TestingHosts.state("10.0.1.1"));
        serverSends(full);
        assertEquals(full, updates.poll(10, TimeUnit.SECONDS));
        ResyncRequest request =
                new ResyncRequest(HostMessage.SCHEMA_VERSION, TestingHosts.HOST, new Generation(1, 1), "test");
        assertTrue(transport.send(request));
        assertEquals(request, serverReceives());
    }

    @Test
    void theAgentReconnectsAfterABrokerRestartAndReceivesAgain() throws Exception {
        port = freePort();
        startBroker();
        startTransport();
        assertNotNull(connections.poll(10, TimeUnit.SECONDS));
        broker.stop();
        startBroker();
        // Reconnection is announced, so the agent can ask for FULL.
        assertNotNull(connections.poll(20, TimeUnit.SECONDS), "no reconnection after the broker restart");
        HostUpdate full = TestingHosts.full(2, TestingHosts.state("10.0.1.2"));
        serverSends(full);
        assertEquals(full, updates.poll(20, TimeUnit.SECONDS));
        ResyncRequest request =
                new ResyncRequest(HostMessage.SCHEMA_VERSION, TestingHosts.HOST, new Generation(1, 2), "again");
        assertTrue(transport.send(request));
        assertInstanceOf(ResyncRequest.class, serverReceives());
    }

    @Test
    void wrongCredentialsNeverConnect() throws Exception {
        port = freePort();
        startBroker();
        transport = new JmsTransport(
                TestingHosts.HOST, JmsSettings.of("tcp://127.0.0.1:" + port, TestingHosts.HOST, "wrong"));
        transport.start(new AgentTransport.Listener() {
            @Override
            public void onUpdate(HostUpdate update) {
                updates.add(update);
            }

            @Override
            public void onConnected() {
                connections.add("connected");
            }
        });
        assertEquals(null, connections.poll(2, TimeUnit.SECONDS));
    }
}
