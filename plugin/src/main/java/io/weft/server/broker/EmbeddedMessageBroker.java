package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.security.impl.SecurityStoreImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * ActiveMQ Artemis inside the server: a persistent journal under {@code broker.journalDir},
 * security on, and exactly one acceptor (core protocol, {@code broker.host:broker.port}); the
 * AMQP, MQTT, STOMP and OpenWire acceptors of a stock Artemis are never opened, because other
 * brokers on the same machine own those ports.
 */
public final class EmbeddedMessageBroker implements MessageBroker {
    static final String ACCEPTOR = "weft-core";

    private final BrokerConfig config;
    private final BrokerCredentials manager;
    private final SecurityConfiguration users = new SecurityConfiguration();
    private ActiveMQServer server;

    @Inject
    public EmbeddedMessageBroker(BrokerConfig config, BrokerCredentials manager) {
        this.config = requireNonNull(config, "config is null");
        this.manager = requireNonNull(manager, "manager is null");
    }

    @Override
    public synchronized void start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        AcceptorPort.requireFree(config.host(), config.port());
        users.addUser(manager.user(), manager.password());
        users.addRole(manager.user(), BrokerSecurity.MANAGER_ROLE);
        ActiveMQServer started = new ActiveMQServerImpl(
                configuration(), new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        started.start();
        if (!started.waitForActivation(30, TimeUnit.SECONDS)) {
            started.stop();
            throw new IllegalStateException("embedded broker did not become active within 30 s");
        }
        server = started;
    }

    private Configuration configuration() throws Exception {
        Path dir = config.journalDir();
        Configuration configuration = new ConfigurationImpl()
                .setName("weft")
                .setPersistenceEnabled(true)
                // NIO everywhere: no libaio dependency, and one journal format on every machine.
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setNodeManagerLockDirectory(dir.toString())
                .setSecurityEnabled(true)
                // Every message carries the user that sent it (_AMQ_VALIDATED_USER), set by the
                // broker over anything the client wrote there; the server's inbox checks it against
                // the host the message speaks for. A message without one is refused outright.
                .setPopulateValidatedUser(true)
                .setRejectEmptyValidatedUser(true)
                .setJMXManagementEnabled(false)
                // No clustering, but Artemis warns about its default cluster password otherwise.
                .setClusterPassword(randomSecret());
        configuration.addAcceptorConfiguration(acceptor());
        for (Map.Entry<String, Set<Role>> match : BrokerSecurity.baseRoles().entrySet()) {
            configuration.putSecurityRoles(match.getKey(), match.getValue());
        }
        return configuration;
    }

    /**
     * The one acceptor, built from parameters rather than a URL so that key store passwords need no
     * escaping and appear in no URL.
     */
    private TransportConfiguration acceptor() {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, config.host());
        params.put(TransportConstants.PORT_PROP_NAME, config.port());
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE");
        config.tls().ifPresent(tls -> {
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(
                    TransportConstants.KEYSTORE_PATH_PROP_NAME,
                    tls.keyStorePath().toString());
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
            params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, tls.storeType());
            params.put(
                    TransportConstants.TRUSTSTORE_PATH_PROP_NAME,
                    tls.trustStorePath().toString());
            params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
            params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, tls.storeType());
            params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, tls.needClientAuth());
        });
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, ACCEPTOR);
    }

    /**
     * Lets the agent of {@code hostId} log in as {@link BrokerSecurity#agentUser} and consume its
     * own queue and send to the manager queues, and nothing else.
     */
    @Override
    public synchronized void grantAgent(String hostId, String password) {
        ActiveMQServer running = running();
        String user = BrokerSecurity.agentUser(hostId);
        users.addUser(user, password);
        users.addRole(user, BrokerSecurity.AGENT_ROLE);
        users.addRole(user, BrokerSecurity.hostRole(hostId));
        Map.Entry<String, Set<Role>> match = BrokerSecurity.hostQueueRoles(hostId);
        running.getSecurityRepository().addMatch(match.getKey(), match.getValue());
    }

    /**
     * Takes the agent of {@code hostId} off the broker: its user and its queue's permissions go, the
     * cached logins and permissions are dropped (Artemis otherwise trusts them for the security
     * invalidation interval), and every connection it has open is failed, so it can neither send
     * nor receive another message.
     */
    @Override
    public synchronized void revokeAgent(String hostId) {
        ActiveMQServer running = running();
        String user = BrokerSecurity.agentUser(hostId);
        users.removeRole(user, BrokerSecurity.AGENT_ROLE);
        users.removeRole(user, BrokerSecurity.hostRole(hostId));
        users.removeUser(user);
        running.getSecurityRepository()
                .removeMatch(BrokerSecurity.hostQueueRoles(hostId).getKey());
        if (running.getSecurityStore() instanceof SecurityStoreImpl store) {
            store.invalidateAuthenticationCache();
            store.invalidateAuthorizationCache();
        }
        try {
            running.getActiveMQServerControl().closeConnectionsForUser(user);
        } catch (Exception e) {
            throw new IllegalStateException("could not close the broker connections of " + user, e);
        }
    }

    /** How many sessions {@code user} has open on the broker now. */
    synchronized long sessionsOf(String user) {
        return running().getSessions().stream()
                .filter(session -> user.equals(session.getUsername()))
                .count();
    }

    @Override
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean healthy() {
        return server != null && server.isStarted() && server.isActive();
    }

    /** The bound port of the acceptor; differs from the configured one when that was 0. */
    public synchronized int port() {
        return ((NettyAcceptor) running().getRemotingService().getAcceptor(ACCEPTOR)).getActualPort();
    }

    /** How many acceptors are open; always one. */
    synchronized int acceptorCount() {
        return running().getRemotingService().getAcceptors().size();
    }

    @Override
    public String clientUrl() {
        return "tcp://" + clientHost() + ":" + port() + (config.tls().isPresent() ? "?sslEnabled=true" : "");
    }

    /**
     * With TLS, the server's own connections trust what the broker's trust store holds, and with
     * client authentication present the broker's own key (which that trust store admits). Built
     * from parameters, not a URL, so that no store password is ever part of a URL.
     */
    @Override
    public ActiveMQConnectionFactory connectionFactory(BrokerCredentials user) {
        if (config.tls().isEmpty()) {
            return MessageBroker.super.connectionFactory(user);
        }
        BrokerTls tls = config.tls().get();
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, clientHost());
        params.put(TransportConstants.PORT_PROP_NAME, port());
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(
                TransportConstants.TRUSTSTORE_PATH_PROP_NAME,
                tls.trustStorePath().toString());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, tls.storeType());
        if (tls.needClientAuth()) {
            params.put(
                    TransportConstants.KEYSTORE_PATH_PROP_NAME,
                    tls.keyStorePath().toString());
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
            params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, tls.storeType());
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                false, new TransportConfiguration(NettyConnectorFactory.class.getName(), params));
        factory.setUser(user.user());
        factory.setPassword(user.password());
        return factory;
    }

    /** Where clients reach the acceptor: its address, or loopback when it binds every address. */
    private String clientHost() {
        String host = config.host();
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    @Override
    public String describe() {
        return clientUrl() + " (embedded" + (config.tls().isPresent() ? ", TLS" : "") + ", journal "
                + config.journalDir() + ")";
    }

    private ActiveMQServer running() {
        if (server == null) {
            throw new IllegalStateException("broker is not running");
        }
        return server;
    }

    private static String randomSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
