package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
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
                .setJMXManagementEnabled(false)
                // No clustering, but Artemis warns about its default cluster password otherwise.
                .setClusterPassword(randomSecret());
        configuration.addAcceptorConfiguration(
                ACCEPTOR, "tcp://" + config.host() + ":" + config.port() + "?protocols=CORE");
        for (Map.Entry<String, Set<Role>> match : BrokerSecurity.baseRoles().entrySet()) {
            configuration.putSecurityRoles(match.getKey(), match.getValue());
        }
        return configuration;
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
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "tcp://" + host + ":" + port();
    }

    @Override
    public String describe() {
        return clientUrl() + " (embedded, journal " + config.journalDir() + ")";
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
