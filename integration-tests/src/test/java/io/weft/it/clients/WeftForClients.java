package io.weft.it.clients;

import io.weft.it.cloudstack.RunningWeft;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jclouds.Constants;
import org.jclouds.ContextBuilder;
import org.jclouds.cloudstack.CloudStackContext;
import org.jclouds.cloudstack.CloudStackGlobalApi;
import org.jclouds.cloudstack.domain.Account;
import org.jclouds.cloudstack.domain.ApiKeyPair;
import org.jclouds.cloudstack.domain.NetworkType;
import org.jclouds.cloudstack.options.CreateZoneOptions;

/**
 * A Weft server in this JVM (H2, embedded broker, free ports, a throw-away data directory) for an
 * external client to talk to: its endpoints and the root admin's keys, handed to the client process
 * as environment variables, and jclouds as the root admin for what the test sets up or checks.
 */
final class WeftForClients implements AutoCloseable {
    /** Libcloud accepts only regions it knows; Weft takes any, so a real one keeps both happy. */
    static final String EC2_REGION = "us-east-1";

    private final RunningWeft weft;
    private final CloudStackContext adminContext;

    private WeftForClients(RunningWeft weft) {
        this.weft = weft;
        this.adminContext =
                connect(weft.api(), weft.adminKeys().apiKey(), weft.adminKeys().secretKey());
    }

    static WeftForClients start(Path dataDir) throws IOException {
        return new WeftForClients(RunningWeft.start(dataDir));
    }

    /** Retries off, so that a failure shows at once and as itself. */
    private static CloudStackContext connect(URI api, String apiKey, String secretKey) {
        Properties overrides = new Properties();
        overrides.setProperty(Constants.PROPERTY_MAX_RETRIES, "0");
        return ContextBuilder.newBuilder("cloudstack")
                .endpoint(api.toString())
                .credentials(apiKey, secretKey)
                .overrides(overrides)
                .buildView(CloudStackContext.class);
    }

    /** The CloudStack endpoint and the root admin's keys, under the names the scripts read. */
    Map<String, String> cloudStackEnvironment() {
        return Map.of(
                "WEFT_CS_ENDPOINT", weft.api().toString(),
                "WEFT_CS_API_KEY", weft.adminKeys().apiKey(),
                "WEFT_CS_SECRET_KEY", weft.adminKeys().secretKey());
    }

    /** The EC2 endpoint and the region to sign for. */
    Map<String, String> ec2Environment() {
        return Map.of("WEFT_EC2_ENDPOINT", weft.ec2().toString(), "WEFT_EC2_REGION", EC2_REGION);
    }

    URI ec2Endpoint() {
        return weft.ec2();
    }

    /** jclouds as the root admin, to set up what a client expects and to check what it left. */
    CloudStackGlobalApi admin() {
        return adminContext.getGlobalApi();
    }

    /** A zone with security groups for EC2 VPCs to live in. */
    void createZone(String name) {
        admin().getZoneApi()
                .createZone(
                        name,
                        NetworkType.ADVANCED,
                        "8.8.8.8",
                        "10.0.0.2",
                        CreateZoneOptions.Builder.securityGroupEnabled(true).guestCIDRAddress("10.0.0.0/8"));
    }

    /** A user account in the root domain with one user; its API keys are its EC2 credentials too. */
    ApiKeyPair tenant(String name) {
        Account account = admin().getAccountApi()
                .createAccount(name, Account.Type.USER, name + "@example.com", "Test", "Tenant", "s3cret-pass");
        return admin().getUserClient()
                .registerUserKeys(account.getUsers().iterator().next().getId());
    }

    @Override
    public void close() {
        adminContext.close();
        weft.close();
    }
}
