package io.weft.it.ec2;

import io.weft.server.ServerModules;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.ec2.Ec2ApiModule;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkModule;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import io.weft.testsupport.ServerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A whole Weft server in this JVM with the EC2 API on its own port, one zone, and tenants whose API
 * keys are EC2 credentials for the unmodified AWS SDK client.
 */
public final class Ec2Server implements AutoCloseable {
    public static final String ZONE = "zone-1";

    public final WeftServer server;
    public final Caller root;
    public final URI endpoint;

    public Ec2Server(Path dataDir) {
        this(dataDir, true);
    }

    /** A server started again on the data of an earlier one, which already holds the zone and tenants. */
    static Ec2Server restart(Path dataDir) {
        return new Ec2Server(dataDir, false);
    }

    private Ec2Server(Path dataDir, boolean firstStart) {
        WeftConfig config = WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap());
        WeftServer.Builder builder = WeftServer.builder(config);
        // Until the server's own module list installs them, add what the EC2 API needs.
        List<String> installed = ServerModules.forConfig(config).stream()
                .map(module -> module.getClass().getName())
                .toList();
        if (!installed.contains(NetworkModule.class.getName())) {
            builder.addModule(new NetworkModule(NetworkLimits.DEFAULTS));
        }
        if (!installed.contains(Ec2ApiModule.class.getName())) {
            builder.addModule(new Ec2ApiModule());
        }
        server = builder.start();
        root = server.injector().getInstance(TenancyBootstrap.class).run();
        endpoint = server.ec2Uri().orElseThrow();
        if (firstStart) {
            server.injector()
                    .getInstance(ZoneService.class)
                    .create(root, ZoneSpec.advanced(ZONE, "8.8.8.8", 5000, 5999));
        }
    }

    /** A new account with one user, and that user's API keys. */
    public UserKeys tenant(String name) {
        AccountView account = server.injector()
                .getInstance(AccountService.class)
                .create(
                        root,
                        new NewAccount(
                                Optional.empty(),
                                Optional.of(name),
                                Role.USER,
                                new NewUser(
                                        name,
                                        "secret-password",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
        return server.injector()
                .getInstance(UserService.class)
                .registerKeys(root, account.users().get(0).id());
    }

    /** The Weft caller behind EC2 credentials, for acting as the compute side would. */
    public Caller caller(UserKeys keys) {
        return server.injector()
                .getInstance(ApiKeyDirectory.class)
                .findByApiKey(keys.apiKey())
                .orElseThrow()
                .caller();
    }

    Ec2Client client(String accessKey, String secretKey) {
        return Ec2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of("weft-test-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    Ec2Client client(UserKeys keys) {
        return client(keys.apiKey(), keys.secretKey());
    }

    @Override
    public void close() {
        server.close();
    }
}
