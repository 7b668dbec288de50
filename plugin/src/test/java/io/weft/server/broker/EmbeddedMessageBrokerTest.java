package io.weft.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMessageBrokerTest {
    private static final String VALIDATED_USER =
            org.apache.activemq.artemis.api.core.Message.HDR_VALIDATED_USER.toString();

    @TempDir
    Path journal;

    private EmbeddedMessageBroker broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void durableMessageSurvivesABrokerRestart() throws Exception {
        broker = start();
        String queue = BrokerAddresses.hostQueue("h1");
        try (Connection connection = managerFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("generation 7"));
        }
        broker.stop();

        broker = start();
        try (Connection connection = managerFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message received =
                    session.createConsumer(session.createQueue(queue)).receive(10_000);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("generation 7");
        }
    }

    @Test
    void opensExactlyOneAcceptor() throws Exception {
        broker = start();
        assertThat(broker.acceptorCount()).isEqualTo(1);
        assertThat(broker.port()).isPositive();
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        broker = start();
        ConnectionFactory factory = new ActiveMQConnectionFactory(broker.clientUrl(), "weft-manager", "wrong");
        assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void agentConsumesOnlyItsOwnQueueAndSendsOnlyToManagerQueues() throws Exception {
        broker = start();
        // The manager creates both host queues and the manager queue, as the server will.
        try (Connection connection = managerFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String queue : new String[] {
                BrokerAddresses.hostQueue("h1"), BrokerAddresses.hostQueue("h2"), BrokerAddresses.managerQueue("acks")
            }) {
                session.createProducer(session.createQueue(queue)).send(session.createTextMessage("x"));
            }
        }
        broker.grantAgent("h1", "agent-secret");

        ConnectionFactory agent =
                new ActiveMQConnectionFactory(broker.clientUrl(), BrokerSecurity.agentUser("h1"), "agent-secret");
        try (Connection connection = agent.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(session.createConsumer(session.createQueue(BrokerAddresses.hostQueue("h1")))
                            .receive(10_000))
                    .isNotNull();
            session.createProducer(session.createQueue(BrokerAddresses.managerQueue("acks")))
                    .send(session.createTextMessage("ack"));
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(BrokerAddresses.hostQueue("h2"))))
                    .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(BrokerAddresses.hostQueue("h2")))
                            .send(session.createTextMessage("forged")))
                    .isInstanceOf(JMSException.class);
            // Nor may it read what other agents send the manager.
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(BrokerAddresses.managerQueue("acks"))))
                    .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(BrokerAddresses.managerQueue("acks")))
                            .getEnumeration())
                    .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void everyMessageCarriesTheUserThatSentItWhateverTheSenderWrote() throws Exception {
        broker = start();
        broker.grantAgent("h1", "secret-1");
        broker.grantAgent("h2", "secret-2");
        String inbox = BrokerAddresses.managerQueue("inbox");
        try (Connection manager = managerFactory().createConnection();
                Connection agent = agentFactory("h1", "secret-1").createConnection()) {
            Session managerSession = manager.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var consumer = managerSession.createConsumer(managerSession.createQueue(inbox));
            manager.start();
            Session session = agent.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage forged = session.createTextMessage("heartbeat of h2");
            // An agent that claims another agent's identity in the header the broker uses.
            forged.setStringProperty(VALIDATED_USER, BrokerSecurity.agentUser("h2"));
            session.createProducer(session.createQueue(inbox)).send(forged);

            Message received = consumer.receive(10_000);
            assertThat(received).isNotNull();
            assertThat(received.getStringProperty(VALIDATED_USER)).isEqualTo(BrokerSecurity.agentUser("h1"));
        }
    }

    @Test
    void aRevokedAgentIsDisconnectedAtOnceAndCannotLogInAgain() throws Exception {
        broker = start();
        String own = BrokerAddresses.hostQueue("h1");
        String inbox = BrokerAddresses.managerQueue("inbox");
        // The manager makes the queues, as the server does: agents may not create addresses.
        try (Connection connection = managerFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(own)).send(session.createTextMessage("update"));
            session.createConsumer(session.createQueue(inbox)).close();
        }
        broker.grantAgent("h1", "secret-1");
        ConnectionFactory agent = agentFactory("h1", "secret-1");
        CountDownLatch lost = new CountDownLatch(1);
        try (Connection connection = agent.createConnection()) {
            connection.setExceptionListener(e -> lost.countDown());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(inbox));
            producer.send(session.createTextMessage("before"));
            assertThat(broker.sessionsOf(BrokerSecurity.agentUser("h1"))).isPositive();

            broker.revokeAgent("h1");

            assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(broker.sessionsOf(BrokerSecurity.agentUser("h1"))).isZero();
            assertThatThrownBy(() -> producer.send(session.createTextMessage("after")))
                    .isInstanceOf(JMSException.class);
        }
        // Straight away, not after Artemis' authentication cache expires.
        assertThatThrownBy(() -> agent.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        // The manager still reads what was queued for the host: nothing of the queue was lost.
        try (Connection connection = managerFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(session.createConsumer(session.createQueue(own)).receive(10_000))
                    .isNotNull();
        }
    }

    @Test
    void generatedManagerPasswordIsKeptWithTheJournal() throws Exception {
        BrokerCredentials first = ManagerCredentialsStore.resolve(config());
        BrokerCredentials second = ManagerCredentialsStore.resolve(config());
        assertThat(first).isEqualTo(second);
        assertThat(first.password()).hasSizeGreaterThan(20);
        assertThat(Files.getPosixFilePermissions(journal.resolve(ManagerCredentialsStore.FILE_NAME)))
                .hasSize(2);
    }

    @Test
    void aTakenPortFailsTheStartAtOnceNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BrokerConfig onTakenPort = new BrokerConfig(
                    true,
                    "127.0.0.1",
                    taken.getLocalPort(),
                    journal,
                    Optional.empty(),
                    "weft-manager",
                    Optional.empty());
            EmbeddedMessageBroker refused =
                    new EmbeddedMessageBroker(onTakenPort, ManagerCredentialsStore.resolve(onTakenPort));

            assertThatThrownBy(refused::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("broker.port");
            assertThat(refused.healthy()).isFalse();
        }
    }

    private EmbeddedMessageBroker start() throws Exception {
        EmbeddedMessageBroker started = new EmbeddedMessageBroker(config(), ManagerCredentialsStore.resolve(config()));
        started.start();
        return started;
    }

    private ConnectionFactory agentFactory(String hostId, String secret) {
        return new ActiveMQConnectionFactory(broker.clientUrl(), BrokerSecurity.agentUser(hostId), secret);
    }

    private ConnectionFactory managerFactory() {
        return new BrokerConnections(broker, ManagerCredentialsStore.resolve(config())).connectionFactory();
    }

    private BrokerConfig config() {
        return new BrokerConfig(true, "127.0.0.1", 0, journal, Optional.empty(), "weft-manager", Optional.empty());
    }
}
