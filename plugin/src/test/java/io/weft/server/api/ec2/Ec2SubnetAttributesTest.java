package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subnet fields Terraform's {@code aws_subnet} ({@code resourceSubnetRead},
 * {@code modifySubnetAttributesOnCreate}) and Ansible's {@code ec2_vpc_subnet} read and change.
 */
class Ec2SubnetAttributesTest {
    private static final String ITEM = "/DescribeSubnetsResponse/subnetSet/item";

    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String subnet;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        subnet = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(1);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Ec2ActionsFixture.Reply describe() {
        return ec2.call(alice, "DescribeSubnets", "SubnetId.1", subnet).ok();
    }

    @Test
    void everySubnetCarriesTheFieldsAwsAlwaysReturnsWithItsDefaults() {
        Ec2ActionsFixture.Reply reply = describe();

        for (String flag : List.of(
                "mapPublicIpOnLaunch",
                "assignIpv6AddressOnCreation",
                "defaultForAz",
                "mapCustomerOwnedIpOnLaunch",
                "enableDns64",
                "ipv6Native",
                "privateDnsNameOptionsOnLaunch/enableResourceNameDnsARecord",
                "privateDnsNameOptionsOnLaunch/enableResourceNameDnsAAAARecord")) {
            assertThat(reply.one(ITEM + "/" + flag)).as(flag).isEqualTo("false");
        }
        assertThat(reply.one(ITEM + "/privateDnsNameOptionsOnLaunch/hostnameType"))
                .isEqualTo("ip-name");
    }

    @Test
    void modifiedAttributesAreStoredOneAtATimeAndReadBack() {
        ec2.call(alice, "ModifySubnetAttribute", "SubnetId", subnet, "MapPublicIpOnLaunch.Value", "true")
                .ok();
        ec2.call(alice, "ModifySubnetAttribute", "SubnetId", subnet, "AssignIpv6AddressOnCreation.Value", "true")
                .ok();
        ec2.call(alice, "ModifySubnetAttribute", "SubnetId", subnet, "PrivateDnsHostnameTypeOnLaunch", "resource-name")
                .ok();

        Ec2ActionsFixture.Reply reply = describe();
        assertThat(reply.one(ITEM + "/mapPublicIpOnLaunch")).isEqualTo("true");
        assertThat(reply.one(ITEM + "/assignIpv6AddressOnCreation")).isEqualTo("true");
        assertThat(reply.one(ITEM + "/enableDns64")).isEqualTo("false");
        assertThat(reply.one(ITEM + "/privateDnsNameOptionsOnLaunch/hostnameType"))
                .isEqualTo("resource-name");
        assertThat(ec2.call(
                                alice,
                                "DescribeSubnets",
                                "Filter.1.Name",
                                "map-public-ip-on-launch",
                                "Filter.1.Value.1",
                                "true")
                        .ok()
                        .all(ITEM + "/subnetId"))
                .containsExactly(subnet);

        ec2.call(alice, "ModifySubnetAttribute", "SubnetId", subnet, "MapPublicIpOnLaunch.Value", "false")
                .ok();
        assertThat(describe().one(ITEM + "/mapPublicIpOnLaunch")).isEqualTo("false");
    }

    @Test
    void twoAttributesInOneCallOrAnotherTenantsSubnetChangeNothing() {
        assertThat(ec2.call(
                                alice,
                                "ModifySubnetAttribute",
                                "SubnetId",
                                subnet,
                                "MapPublicIpOnLaunch.Value",
                                "true",
                                "EnableDns64.Value",
                                "true")
                        .errorCode())
                .isEqualTo("InvalidParameterCombination");
        assertThat(ec2.call(fx.bob, "ModifySubnetAttribute", "SubnetId", subnet, "MapPublicIpOnLaunch.Value", "true")
                        .errorCode())
                .isEqualTo("InvalidSubnetID.NotFound");
        assertThat(ec2.call(alice, "ModifySubnetAttribute", "SubnetId", subnet, "PrivateDnsHostnameTypeOnLaunch", "x")
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(describe().one(ITEM + "/mapPublicIpOnLaunch")).isEqualTo("false");
        assertThat(describe().one(ITEM + "/enableDns64")).isEqualTo("false");
    }
}
