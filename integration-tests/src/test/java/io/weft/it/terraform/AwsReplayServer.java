package io.weft.it.terraform;

import io.weft.server.ServerModules;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.ec2.Ec2ApiModule;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.VirtualMachineService;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A Weft server in this JVM with its EC2 endpoint, one zone and one tenant, whose keys the replayed
 * Terraform requests are signed with.
 */
final class AwsReplayServer implements AutoCloseable {
    static final String REGION = "us-east-1";

    private final WeftServer server;
    private final Caller root;
    private final UUID zone;

    AwsReplayServer(Path dataDir) {
        WeftConfig config = WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap());
        WeftServer.Builder builder = WeftServer.builder(config);
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
        zone = server.injector()
                .getInstance(ZoneService.class)
                .create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5999))
                .id();
    }

    /** A tenant's replay client: a new account with one user, signing with that user's keys. */
    Ec2QueryReplay tenant(String name) {
        UserKeys keys = keys(name);
        return new Ec2QueryReplay(server.ec2Uri().orElseThrow(), keys.apiKey(), keys.secretKey(), REGION);
    }

    private UserKeys keys(String name) {
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
        UserKeys keys = server.injector()
                .getInstance(UserService.class)
                .registerKeys(root, account.users().get(0).id());
        return keys;
    }

    /**
     * An instance of {@code tenant}, registered as the compute side does (EC2 has no RunInstances
     * here), and its EC2 ID.
     */
    String instance(Ec2QueryReplay tenant, String name) {
        Caller caller = server.injector()
                .getInstance(ApiKeyDirectory.class)
                .findByApiKey(tenant.accessKey())
                .orElseThrow()
                .caller();
        UUID vm = server.injector()
                .getInstance(VirtualMachineService.class)
                .register(caller, NewVirtualMachine.of(zone, name))
                .value()
                .id();
        return "i-" + vm.toString().replace("-", "").substring(0, 17);
    }

    @Override
    public void close() {
        server.close();
    }
}
