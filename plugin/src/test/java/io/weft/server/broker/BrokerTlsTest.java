package io.weft.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.TestKeyStores;
import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's acceptor over TLS, with a key pair made for the test by the JDK's keytool:
 * the server's own connections and an agent that trusts the certificate get through; a plaintext
 * client and one that does not trust the certificate do not.
 */
class BrokerTlsTest {
    /** Characters a URL would mangle: the server's stores never go through a URL. */
    private static final String STORE_PASSWORD = "store&pass=word;%";

    private static final String AGENT_TRUST_PASSWORD = "agent-trust";

    @TempDir
    Path dir;

    private EmbeddedMessageBroker broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void agentsAndTheServerConnectOverTlsAndPlaintextClientsAreRefused() throws Exception {
        Path keyStore = dir.resolve("broker.p12");
        Path trustStore = dir.resolve("trust.p12");
        makeStores(keyStore, trustStore);
        BrokerConfig config = new BrokerConfig(
                true,
                "127.0.0.1",
                0,
                dir.resolve("journal"),
                Optional.empty(),
                "weft-manager",
                Optional.empty(),
                Optional.of(new BrokerTls(keyStore, STORE_PASSWORD, "PKCS12", trustStore, STORE_PASSWORD, false)));
        broker = new EmbeddedMessageBroker(config, ManagerCredentialsStore.resolve(config));
        broker.start();
        assertThat(broker.clientUrl()).endsWith("?sslEnabled=true").doesNotContain(STORE_PASSWORD);
        assertThat(broker.describe()).contains("TLS").doesNotContain(STORE_PASSWORD);

        // The server's own connection, as the dispatcher and the health check make it.
        String queue = BrokerAddresses.hostQueue("h1");
        try (Connection manager = new BrokerConnections(broker, ManagerCredentialsStore.resolve(config))
                .connectionFactory()
                .createConnection()) {
            Session session = manager.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("over tls"));
        }
        broker.grantAgent("h1", "agent-secret");

        // An agent's URL names its own trust store (Artemis reads store settings from the URL).
        String trusting = broker.clientUrl() + "&trustStorePath=" + dir.resolve("agent-trust.p12")
                + "&trustStorePassword=" + AGENT_TRUST_PASSWORD;
        try (Connection agent = new ActiveMQConnectionFactory(trusting, BrokerSecurity.agentUser("h1"), "agent-secret")
                .createConnection()) {
            agent.start();
            Session session = agent.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message received =
                    session.createConsumer(session.createQueue(queue)).receive(10_000);
            assertThat(received).isNotNull();
        }

        String plaintext = broker.clientUrl().replace("?sslEnabled=true", "?reconnectAttempts=0&callTimeout=5000");
        assertThatThrownBy(
                        () -> new ActiveMQConnectionFactory(plaintext, BrokerSecurity.agentUser("h1"), "agent-secret")
                                .createConnection()
                                .close())
                .isInstanceOf(JMSException.class);
        // TLS, but without trusting the broker's self-made certificate: the handshake fails.
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(
                                broker.clientUrl() + "&reconnectAttempts=0",
                                BrokerSecurity.agentUser("h1"),
                                "agent-secret")
                        .createConnection()
                        .close())
                .isInstanceOf(JMSException.class);
    }

    @Test
    void withClientAuthenticationAClientWithoutACertificateIsRefusedAndTheServerPresentsItsOwn() throws Exception {
        Path keyStore = dir.resolve("broker.p12");
        Path trustStore = dir.resolve("trust.p12");
        makeStores(keyStore, trustStore);
        BrokerConfig config = new BrokerConfig(
                true,
                "127.0.0.1",
                0,
                dir.resolve("journal"),
                Optional.empty(),
                "weft-manager",
                Optional.empty(),
                Optional.of(new BrokerTls(keyStore, STORE_PASSWORD, "PKCS12", trustStore, STORE_PASSWORD, true)));
        broker = new EmbeddedMessageBroker(config, ManagerCredentialsStore.resolve(config));
        broker.start();
        broker.grantAgent("h1", "agent-secret");

        try (Connection manager = new BrokerConnections(broker, ManagerCredentialsStore.resolve(config))
                .connectionFactory()
                .createConnection()) {
            assertThat(manager.createSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
        }
        // Trusts the broker and knows the password, but presents no certificate.
        String noCertificate = broker.clientUrl() + "&reconnectAttempts=0&trustStorePath="
                + dir.resolve("agent-trust.p12") + "&trustStorePassword=" + AGENT_TRUST_PASSWORD;
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(
                                noCertificate, BrokerSecurity.agentUser("h1"), "agent-secret")
                        .createConnection()
                        .close())
                .isInstanceOf(JMSException.class);
    }

    @Test
    void tlsNeedsTheKeyStoreAndTheTrustStoreWithTheirPasswords() {
        assertThat(BrokerTls.from(ConfigSource.of(Map.of()))).isEmpty();
        assertThatThrownBy(() -> BrokerTls.from(ConfigSource.of(Map.of("broker.tls.keyStorePath", "/k.p12"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.tls.keyStorePassword");
        assertThatThrownBy(() -> BrokerTls.from(ConfigSource.of(Map.of("broker.tls.needClientAuth", "true"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.tls.keyStorePath");
        BrokerTls tls = BrokerTls.from(ConfigSource.of(Map.of(
                        "broker.tls.keyStorePath", "/k.p12",
                        "broker.tls.keyStorePassword", "secret-k",
                        "broker.tls.trustStorePath", "/t.p12",
                        "broker.tls.trustStorePassword", "secret-t")))
                .orElseThrow();
        assertThat(tls.storeType()).isEqualTo("PKCS12");
        assertThat(tls.toString()).doesNotContain("secret-k").doesNotContain("secret-t");
    }

    /** A self-signed key pair for 127.0.0.1 in a PKCS12 key store, and its certificate in the server's and an agent's trust store. */
    private void makeStores(Path keyStore, Path trustStore) throws IOException, InterruptedException {
        TestKeyStores.selfSigned(keyStore, "broker", STORE_PASSWORD);
        TestKeyStores.trust(keyStore, "broker", STORE_PASSWORD, trustStore, STORE_PASSWORD);
        TestKeyStores.trust(keyStore, "broker", STORE_PASSWORD, dir.resolve("agent-trust.p12"), AGENT_TRUST_PASSWORD);
    }
}
