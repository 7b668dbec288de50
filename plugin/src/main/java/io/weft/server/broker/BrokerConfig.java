package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The message broker between the server and the host agents.
 *
 * @param embedded run ActiveMQ Artemis inside the server (default) or use {@link #url()}
 * @param host the address the embedded broker's one acceptor binds
 * @param port the port of that acceptor (Artemis core protocol only; no AMQP, MQTT or STOMP
 *     acceptors are ever opened); 0 picks a free one
 * @param journalDir where the embedded broker keeps its persistent journal
 * @param url the broker URL when not embedded, e.g. {@code (tcp://a:61616,tcp://b:61616)?ha=true}
 * @param managerUser the broker user the server itself connects as
 * @param managerPassword its password; when absent with an embedded broker, one is generated once
 *     and kept in {@code <journalDir>/manager.password}
 * @param tls TLS on the embedded broker's acceptor, when configured (an external broker's TLS
 *     settings go in {@link #url()})
 */
public record BrokerConfig(
        boolean embedded,
        String host,
        int port,
        Path journalDir,
        Optional<String> url,
        String managerUser,
        Optional<String> managerPassword,
        Optional<BrokerTls> tls) {
    public static final boolean DEFAULT_EMBEDDED = true;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 61616;
    public static final String DEFAULT_MANAGER_USER = "weft-manager";

    public BrokerConfig {
        requireNonNull(host, "host is null");
        requireNonNull(journalDir, "journalDir is null");
        requireNonNull(url, "url is null");
        requireNonNull(managerUser, "managerUser is null");
        requireNonNull(managerPassword, "managerPassword is null");
        requireNonNull(tls, "tls is null");
        if (!embedded && url.isEmpty()) {
            throw new ConfigException("broker.url is required when broker.embedded is false");
        }
        if (!embedded && managerPassword.isEmpty()) {
            throw new ConfigException("broker.managerPassword is required when broker.embedded is false");
        }
    }

    /** Without TLS. */
    public BrokerConfig(
            boolean embedded,
            String host,
            int port,
            Path journalDir,
            Optional<String> url,
            String managerUser,
            Optional<String> managerPassword) {
        this(embedded, host, port, journalDir, url, managerUser, managerPassword, Optional.empty());
    }

    public static BrokerConfig from(ConfigSource source, Path dataDir) {
        return new BrokerConfig(
                source.bool("broker.embedded", DEFAULT_EMBEDDED),
                source.string("broker.host", DEFAULT_HOST),
                source.port("broker.port", DEFAULT_PORT),
                source.path("broker.journalDir", dataDir.resolve("broker")),
                source.value("broker.url"),
                source.string("broker.managerUser", DEFAULT_MANAGER_USER),
                source.value("broker.managerPassword"),
                BrokerTls.from(source));
    }

    @Override
    public String toString() {
        return "BrokerConfig[embedded=" + embedded + ", host=" + host + ", port=" + port + ", journalDir="
                + journalDir + ", url=" + url.orElse("") + ", managerUser=" + managerUser + ", managerPassword="
                + managerPassword.map(p -> "***").orElse("(generated)") + ", tls="
                + tls.map(BrokerTls::toString).orElse("off")
                + "]";
    }
}
