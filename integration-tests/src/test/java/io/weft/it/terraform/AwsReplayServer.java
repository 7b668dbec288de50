package io.weft.it.terraform;

import io.weft.it.ec2.Ec2Server;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.topology.ZoneService;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A Weft server in this JVM with its EC2 endpoint, one zone and tenants ({@link Ec2Server}), whose
 * keys the replayed Terraform requests are signed with.
 */
final class AwsReplayServer implements AutoCloseable {
    static final String REGION = "us-east-1";

    private final Ec2Server weft;
    private final UUID zone;

    AwsReplayServer(Path dataDir) {
        weft = new Ec2Server(dataDir);
        zone = weft.server.injector().getInstance(ZoneService.class).list(weft.root).stream()
                .filter(candidate -> candidate.name().equals(Ec2Server.ZONE))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A tenant's replay client: a new account with one user, signing with that user's keys. */
    Ec2QueryReplay tenant(String name) {
        UserKeys keys = weft.tenant(name);
        return new Ec2QueryReplay(weft.endpoint, keys.apiKey(), keys.secretKey(), REGION);
    }

    /**
     * An instance of {@code tenant}, registered as the compute side does (EC2 has no RunInstances
     * here), and its EC2 ID.
     */
    String instance(Ec2QueryReplay tenant, String name) {
        Caller caller = weft.server
                .injector()
                .getInstance(ApiKeyDirectory.class)
                .findByApiKey(tenant.accessKey())
                .orElseThrow()
                .caller();
        UUID vm = weft.server
                .injector()
                .getInstance(VirtualMachineService.class)
                .register(caller, NewVirtualMachine.of(zone, name))
                .value()
                .id();
        return "i-" + vm.toString().replace("-", "").substring(0, 17);
    }

    @Override
    public void close() {
        weft.close();
    }
}
