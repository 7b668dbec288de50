package io.weft.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jclouds.cloudstack.domain.ApiKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Debian's Ansible with its bundled amazon.aws runs {@code ec2.yml} at Weft's EC2 endpoint: a VPC,
 * a subnet, two security groups with rules and an ENI. The second run changes nothing; a third with
 * {@code state=absent} removes it all, which the EC2 API confirms.
 */
class AnsibleEc2PlaybookTest {
    private static final String ZONE = "z-ans-ec2";

    @TempDir
    Path dataDir;

    @TempDir
    Path workDir;

    @Test
    void playbookAppliesThenChangesNothingThenRemovesEverything() throws Exception {
        ClientPrerequisites.requireAnsibleOrSkip("boto3", "ansible_collections.amazon.aws");
        try (WeftForClients weft = WeftForClients.start(dataDir)) {
            weft.createZone(ZONE);
            ApiKeyPair keys = weft.tenant("ans-ec2");
            Map<String, String> ec2 = weft.ec2Environment();
            AnsiblePlaybook playbook = new AnsiblePlaybook(
                    "ec2.yml",
                    Map.of(
                            "WEFT_EC2_ENDPOINT", ec2.get("WEFT_EC2_ENDPOINT"),
                            "WEFT_EC2_REGION", ec2.get("WEFT_EC2_REGION"),
                            "WEFT_EC2_ZONE", ZONE,
                            "WEFT_EC2_ACCESS_KEY", keys.getApiKey(),
                            "WEFT_EC2_SECRET_KEY", keys.getSecretKey()),
                    workDir);

            assertThat(playbook.run().assertClean().changed()).isPositive();
            AnsiblePlaybook.Run again = playbook.run().assertClean();
            assertThat(again.changed()).as(again.outcome().report()).isZero();
            playbook.run("state=absent").assertClean();

            try (Ec2Client client = Ec2Client.builder()
                    .endpointOverride(weft.ec2Endpoint())
                    .region(Region.of(WeftForClients.EC2_REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(keys.getApiKey(), keys.getSecretKey())))
                    .build()) {
                assertThat(client.describeNetworkInterfaces().networkInterfaces())
                        .isEmpty();
                assertThat(client.describeSubnets().subnets()).isEmpty();
                assertThat(client.describeVpcs().vpcs()).isEmpty();
                assertThat(client.describeSecurityGroups().securityGroups()).isEmpty();
            }
        }
    }
}
