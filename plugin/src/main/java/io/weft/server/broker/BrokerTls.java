package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS on the embedded broker's acceptor. On when {@code broker.tls.keyStorePath} is set: agents
 * then connect with {@code sslEnabled=true} and a trust store holding the broker's certificate (or
 * its CA), and the server's own connections check the broker against {@link #trustStorePath}.
 *
 * @param keyStorePath the broker's private key and certificate chain
 * @param keyStorePassword its password
 * @param storeType the type of both stores, {@code PKCS12} unless set
 * @param trustStorePath what the server's own connections trust; with {@link #needClientAuth}, also
 *     the certificates agents must present
 * @param trustStorePassword its password
 * @param needClientAuth whether every client must present a certificate the trust store admits,
 *     in addition to its user and password
 */
public record BrokerTls(
        Path keyStorePath,
        String keyStorePassword,
        String storeType,
        Path trustStorePath,
        String trustStorePassword,
        boolean needClientAuth) {
    public static final String DEFAULT_STORE_TYPE = "PKCS12";

    public BrokerTls {
        requireNonNull(keyStorePath, "keyStorePath is null");
        requireNonNull(keyStorePassword, "keyStorePassword is null");
        requireNonNull(storeType, "storeType is null");
        requireNonNull(trustStorePath, "trustStorePath is null");
        requireNonNull(trustStorePassword, "trustStorePassword is null");
    }

    /** The {@code broker.tls.*} keys, or empty when TLS is off (no key store). */
    static Optional<BrokerTls> from(ConfigSource source) {
        // Every key is read, so that none of them is reported as unknown when TLS is off.
        Optional<Path> keyStore = source.value("broker.tls.keyStorePath").map(Path::of);
        Optional<String> keyStorePassword = source.value("broker.tls.keyStorePassword");
        String storeType = source.string("broker.tls.storeType", DEFAULT_STORE_TYPE);
        Optional<Path> trustStore = source.value("broker.tls.trustStorePath").map(Path::of);
        Optional<String> trustStorePassword = source.value("broker.tls.trustStorePassword");
        boolean needClientAuth = source.bool("broker.tls.needClientAuth", false);
        if (keyStore.isEmpty()) {
            if (trustStore.isPresent() || needClientAuth) {
                throw new ConfigException("broker.tls.keyStorePath is required to turn broker TLS on");
            }
            return Optional.empty();
        }
        return Optional.of(new BrokerTls(
                keyStore.get(),
                required(keyStorePassword, "broker.tls.keyStorePassword"),
                storeType,
                required(trustStore, "broker.tls.trustStorePath"),
                required(trustStorePassword, "broker.tls.trustStorePassword"),
                needClientAuth));
    }

    private static <T> T required(Optional<T> value, String key) {
        return value.orElseThrow(() -> new ConfigException(key + " is required with broker.tls.keyStorePath"));
    }

    @Override
    public String toString() {
        return "BrokerTls[keyStorePath=" + keyStorePath + ", storeType=" + storeType + ", trustStorePath="
                + trustStorePath + ", needClientAuth=" + needClientAuth + ", passwords=***]";
    }
}
