package io.weft.it.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** A tenant's EC2 credentials see and touch only that tenant's resources. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2TenancyTest {
    private TwoTenants tenants;
    private Ec2Client alice;
    private Ec2Client bob;

    @BeforeAll
    void start(@TempDir Path dir) {
        tenants = TwoTenants.start(dir);
        alice = tenants.alice();
        bob = tenants.bob();
    }

    @AfterAll
    void stop() {
        if (tenants != null) {
            tenants.close();
        }
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(
                        e.awsErrorDetails().errorCode())
                .isEqualTo(code));
    }

    @Test
    void anotherTenantsResourcesDoNotExist() {
        String vpc = alice.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        String subnet = alice.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24"))
                .subnet()
                .subnetId();
        String group = alice.createSecurityGroup(
                        r -> r.groupName("private").description("p").vpcId(vpc))
                .groupId();
        String eni = alice.createNetworkInterface(r -> r.subnetId(subnet))
                .networkInterface()
                .networkInterfaceId();

        assertThat(bob.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(vpc);
        assertThat(bob.describeSubnets().subnets()).isEmpty();
        assertThat(bob.describeSecurityGroups().securityGroups())
                .extracting(SecurityGroup::groupId)
                .doesNotContain(group);
        assertThat(bob.describeNetworkInterfaces().networkInterfaces()).isEmpty();
        assertCode(() -> bob.describeVpcs(r -> r.vpcIds(vpc)), "InvalidVpcID.NotFound");
        assertCode(() -> bob.deleteVpc(r -> r.vpcId(vpc)), "InvalidVpcID.NotFound");
        assertCode(() -> bob.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.2.0/24")), "InvalidVpcID.NotFound");
        assertCode(() -> bob.deleteSecurityGroup(r -> r.groupId(group)), "InvalidGroup.NotFound");
        assertCode(() -> bob.createNetworkInterface(r -> r.subnetId(subnet)), "InvalidSubnetID.NotFound");
        assertCode(
                () -> bob.deleteNetworkInterface(r -> r.networkInterfaceId(eni)), "InvalidNetworkInterfaceID.NotFound");
        assertCode(
                () -> bob.createTags(r -> r.resources(vpc)
                        .tags(software.amazon.awssdk.services.ec2.model.Tag.builder()
                                .key("owner")
                                .value("bob")
                                .build())),
                "InvalidVpcID.NotFound");

        assertThat(alice.describeVpcs(r -> r.vpcIds(vpc)).vpcs()).hasSize(1);
        assertThat(alice.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni))
                        .networkInterfaces())
                .hasSize(1);
    }
}
