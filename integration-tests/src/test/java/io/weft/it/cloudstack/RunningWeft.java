package io.weft.it.cloudstack;

import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.SigningVariant;
import java.net.URI;
import java.nio.file.Path;

/** A Weft server in this JVM (H2, embedded broker, free ports) and its root admin's API keys. */
public final class RunningWeft implements AutoCloseable {
    /** The service offering and the template every server starts with. */
    static final String SERVICE_OFFERING = SeededCatalogue.SMALL_INSTANCE.toString();

    static final String TEMPLATE = SeededCatalogue.UBUNTU_TEMPLATE.toString();

    private final WeftServer server;
    private final ApiKeys admin;

    private RunningWeft(WeftServer server, ApiKeys admin) {
        this.server = server;
        this.admin = admin;
    }

    public static RunningWeft start(Path dataDir) {
        WeftServer server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        return new RunningWeft(server, ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
    }

    /** {@code http://127.0.0.1:<port>/client/api}. */
    public URI api() {
        return server.cloudStackUri();
    }

    /** {@code http://127.0.0.1:<port>}, the EC2 Query API. */
    public URI ec2() {
        return server.ec2Uri().orElseThrow();
    }

    public ApiKeys adminKeys() {
        return admin;
    }

    /** The root admin over HTTP, signing as {@code variant}'s client does. */
    CloudStackClient admin(SigningVariant variant) {
        return CloudStackClient.of(api(), admin).signingAs(variant);
    }

    @Override
    public void close() {
        server.close();
    }
}
