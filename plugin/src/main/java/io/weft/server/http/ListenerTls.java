package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * HTTPS on one API listener ({@code http.tls.*} for the CloudStack API, {@code /health} and
 * {@code /metrics}; {@code ec2.tls.*} for the EC2 API). On when {@code <section>.tls.keyStorePath}
 * is set. The listener then speaks TLS on its one port; with {@link #allowPlainHttp} it also takes
 * plain HTTP there (it tells the two apart by the first bytes), for a migration window in which
 * clients move over.
 *
 * @param keyStorePath the listener's private key and certificate chain
 * @param keyStorePassword its password (also the key's)
 * @param storeType {@code PKCS12} unless set
 * @param allowPlainHttp whether plain HTTP is still served on the same port; off unless set, since
 *     an API key's signed requests and the REST API's bearer of the same key would otherwise still
 *     cross the network in the clear
 */
public record ListenerTls(Path keyStorePath, String keyStorePassword, String storeType, boolean allowPlainHttp) {
    public static final String DEFAULT_STORE_TYPE = "PKCS12";

    public ListenerTls {
        requireNonNull(keyStorePath, "keyStorePath is null");
        requireNonNull(keyStorePassword, "keyStorePassword is null");
        requireNonNull(storeType, "storeType is null");
    }

    /** The {@code <section>.tls.*} keys, or empty when TLS is off (no key store). */
    public static Optional<ListenerTls> from(ConfigSource source, String section) {
        String prefix = section + ".tls.";
        // Every key is read, so that none of them is reported as unknown when TLS is off.
        Optional<Path> keyStore = source.value(prefix + "keyStorePath").map(Path::of);
        Optional<String> keyStorePassword = source.value(prefix + "keyStorePassword");
        String storeType = source.string(prefix + "storeType", DEFAULT_STORE_TYPE);
        boolean allowPlainHttp = source.bool(prefix + "allowPlainHttp", false);
        if (keyStore.isEmpty()) {
            // A password alone is a half-done TLS set-up, not a wish for plain HTTP.
            if (keyStorePassword.isPresent()) {
                throw new ConfigException(prefix + "keyStorePath is required to turn TLS on for " + section);
            }
            return Optional.empty();
        }
        return Optional.of(new ListenerTls(
                keyStore.get(),
                keyStorePassword.orElseThrow(() ->
                        new ConfigException(prefix + "keyStorePassword is required with " + prefix + "keyStorePath")),
                storeType,
                allowPlainHttp));
    }

    @Override
    public String toString() {
        return "ListenerTls[keyStorePath=" + keyStorePath + ", storeType=" + storeType + ", allowPlainHttp="
                + allowPlainHttp + ", password=***]";
    }
}
