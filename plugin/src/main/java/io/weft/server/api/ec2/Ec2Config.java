package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigSource;
import io.weft.server.http.ListenerTls;
import java.util.Optional;

/**
 * The listener of the EC2-compatible Query API: its own port, path {@code /}, HTTPS when
 * {@code ec2.tls.*} is configured.
 */
public record Ec2Config(String host, int port, Optional<ListenerTls> tls) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8788;

    public Ec2Config {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
    }

    /** A plain HTTP listener. */
    public Ec2Config(String host, int port) {
        this(host, port, Optional.empty());
    }

    public static Ec2Config from(ConfigSource source) {
        return new Ec2Config(
                source.string("ec2.host", DEFAULT_HOST),
                source.port("ec2.port", DEFAULT_PORT),
                ListenerTls.from(source, "ec2"));
    }
}
