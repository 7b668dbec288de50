package io.weft.it.cloudstack;

import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** A Weft server in this JVM (H2, embedded broker, free ports) and its root admin's API keys. */
final class RunningWeft implements AutoCloseable {
    /** Service offerings and templates belong to the IaaS; Weft takes any id. */
    static final String OPAQUE_OFFERING = "0b6e6f1e-1f0a-4d9e-9e55-3c2f8d8c0a11";

    private final WeftServer server;
    private final String adminApiKey;
    private final String adminSecretKey;

    private RunningWeft(WeftServer server, String adminApiKey, String adminSecretKey) {
        this.server = server;
        this.adminApiKey = adminApiKey;
        this.adminSecretKey = adminSecretKey;
    }

    static RunningWeft start(Path dataDir) throws IOException {
        WeftServer server = WeftServer.builder(WeftConfig.of(Map.of(
                        "dataDir", dataDir.toString(),
                        "http.port", "0",
                        "broker.port", "0",
                        "ec2.port", "0",
                        "shutdown.gracePeriod", "1s")))
                .start();
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(server.adminCredentialsFile())) {
            credentials.load(reader);
        }
        return new RunningWeft(server, credentials.getProperty("apiKey"), credentials.getProperty("secretKey"));
    }

    /** {@code http://127.0.0.1:<port>/client/api}. */
    URI api() {
        return server.cloudStackUri();
    }

    String adminApiKey() {
        return adminApiKey;
    }

    String adminSecretKey() {
        return adminSecretKey;
    }

    @Override
    public void close() {
        server.close();
    }
}
