package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.util.Optional;

/**
 * The HTTP listener of the CloudStack API, {@code /health} and {@code /metrics}.
 *
 * @param host the address to bind; loopback by default, so that a fresh server with a freshly
 *     written admin key is not reachable from the network until an operator says so
 * @param port the TCP port; 0 picks a free one (tests)
 * @param cloudStackPath where the CloudStack-compatible API answers
 * @param maxFormSize the largest accepted query string or form body, in bytes
 * @param tls HTTPS on this listener ({@code http.tls.*}), when configured
 */
public record HttpConfig(String host, int port, String cloudStackPath, int maxFormSize, Optional<ListenerTls> tls) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_CLOUDSTACK_PATH = "/client/api";
    public static final int DEFAULT_MAX_FORM_SIZE = 1024 * 1024;

    public HttpConfig {
        requireNonNull(host, "host is null");
        requireNonNull(cloudStackPath, "cloudStackPath is null");
        requireNonNull(tls, "tls is null");
        if (!cloudStackPath.startsWith("/")) {
            throw new ConfigException("http.cloudStackPath must start with '/', but is '" + cloudStackPath + "'");
        }
    }

    /** A plain HTTP listener. */
    public HttpConfig(String host, int port, String cloudStackPath, int maxFormSize) {
        this(host, port, cloudStackPath, maxFormSize, Optional.empty());
    }

    public static HttpConfig from(ConfigSource source) {
        return new HttpConfig(
                source.string("http.host", DEFAULT_HOST),
                source.port("http.port", DEFAULT_PORT),
                source.string("http.cloudStackPath", DEFAULT_CLOUDSTACK_PATH),
                source.integer("http.maxFormSize", DEFAULT_MAX_FORM_SIZE, 1024, Integer.MAX_VALUE),
                ListenerTls.from(source, "http"));
    }
}
