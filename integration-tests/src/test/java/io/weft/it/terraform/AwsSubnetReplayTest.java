package io.weft.it.terraform;

import static io.weft.it.terraform.ReplayParams.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.terraform.Ec2QueryReplay.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws_subnet} as the Terraform AWS provider (v5) drives it, from {@code
 * internal/service/ec2/vpc_subnet.go}:
 *
 * <ul>
 *   <li>{@code resourceSubnetCreate}: {@code CreateSubnet} ({@code CidrBlock}, {@code
 *       TagSpecification.1} of type {@code subnet}, {@code VpcId}; no zone when the configuration
 *       names none); {@code waitSubnetAvailable} polls {@code findSubnetByID} ({@code DescribeSubnets
 *       SubnetId.1}) for {@code state=available}; {@code modifySubnetAttributesOnCreate} compares the
 *       configuration with what the subnet answered and, for {@code map_public_ip_on_launch = true},
 *       sends {@code ModifySubnetAttribute MapPublicIpOnLaunch.Value=true}, then {@code
 *       waitSubnetMapPublicIPOnLaunchUpdated} reads the subnet again. As {@code
 *       privateDnsNameOptionsOnLaunch} comes back with both record flags false and the configuration
 *       leaves them false, it sends nothing for them.
 *   <li>{@code resourceSubnetRead} / {@code resourceSubnetFlatten}: {@code findSubnetByID}, reading
 *       {@code subnetArn}, the zone and zone ID, the CIDR, the flags, {@code ownerId}, {@code vpcId},
 *       {@code privateDnsNameOptionsOnLaunch} and the tags.
 *   <li>{@code resourceSubnetUpdate}: {@code modifySubnetMapPublicIPOnLaunch} (false), then the read.
 *   <li>{@code resourceSubnetDelete}: {@code deleteLingeringENIs} ({@code DescribeNetworkInterfaces}
 *       filter {@code subnet-id}), then {@code DeleteSubnet}, where {@code
 *       InvalidSubnetID.NotFound} counts as gone; a later refresh's {@code findSubnetByID} maps that
 *       same code to "not found" and drops the subnet.
 * </ul>
 */
class AwsSubnetReplayTest {
    @TempDir
    static Path dataDir;

    private static AwsReplayServer weft;
    private static Ec2QueryReplay terraform;

    @BeforeAll
    static void start() {
        weft = new AwsReplayServer(dataDir);
        terraform = weft.tenant("tf-subnet");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void createReadUpdateDeleteAndRefreshAfterDelete() {
        String vpc = terraform
                .send(
                        "CreateVpc",
                        of(
                                "AmazonProvidedIpv6CidrBlock",
                                "false",
                                "CidrBlock",
                                "10.2.0.0/16",
                                "InstanceTenancy",
                                "default"))
                .requireOk()
                .text("/CreateVpcResponse/vpc/vpcId");

        // resourceSubnetCreate
        Answer created = terraform
                .send(
                        "CreateSubnet",
                        of(
                                "CidrBlock", "10.2.1.0/24",
                                "TagSpecification.1.ResourceType", "subnet",
                                "TagSpecification.1.Tag.1.Key", "Name",
                                "TagSpecification.1.Tag.1.Value", "tf-subnet",
                                "VpcId", vpc))
                .requireOk();
        String subnet = created.text("/CreateSubnetResponse/subnet/subnetId");
        assertThat(subnet).matches("subnet-[0-9a-f]{17}");
        Answer waited = describe(subnet);
        assertThat(waited.text("/DescribeSubnetsResponse/subnetSet/item/state")).isEqualTo("available");
        assertThat(waited.text("/DescribeSubnetsResponse/subnetSet/item/mapPublicIpOnLaunch"))
                .isEqualTo("false");
        terraform
                .send("ModifySubnetAttribute", of("MapPublicIpOnLaunch.Value", "true", "SubnetId", subnet))
                .requireOk();
        assertThat(describe(subnet).text("/DescribeSubnetsResponse/subnetSet/item/mapPublicIpOnLaunch"))
                .isEqualTo("true");

        read(subnet, vpc, "true");

        // resourceSubnetUpdate: map_public_ip_on_launch = false
        terraform
                .send("ModifySubnetAttribute", of("MapPublicIpOnLaunch.Value", "false", "SubnetId", subnet))
                .requireOk();
        read(subnet, vpc, "false");

        // resourceSubnetDelete
        Answer lingering = terraform
                .send("DescribeNetworkInterfaces", of("Filter.1.Name", "subnet-id", "Filter.1.Value.1", subnet))
                .requireOk();
        assertThat(lingering.count("/DescribeNetworkInterfacesResponse/networkInterfaceSet/item"))
                .isZero();
        terraform.send("DeleteSubnet", of("SubnetId", subnet)).requireOk();

        Answer refreshed = terraform.send("DescribeSubnets", of("SubnetId.1", subnet));
        assertThat(refreshed.errorCode()).as(refreshed.toString()).isEqualTo("InvalidSubnetID.NotFound");
        assertThat(terraform.send("DeleteSubnet", of("SubnetId", subnet)).errorCode())
                .isEqualTo("InvalidSubnetID.NotFound");
    }

    private static Answer describe(String subnet) {
        return terraform.send("DescribeSubnets", of("SubnetId.1", subnet)).requireOk();
    }

    /** resourceSubnetFlatten: the fields it reads. */
    private static void read(String subnet, String vpc, String mapPublicIp) {
        Answer answer = describe(subnet);
        String item = "/DescribeSubnetsResponse/subnetSet/item";
        assertThat(answer.count(item)).isEqualTo(1);
        assertThat(answer.text(item + "/subnetId")).isEqualTo(subnet);
        assertThat(answer.text(item + "/vpcId")).isEqualTo(vpc);
        assertThat(answer.text(item + "/cidrBlock")).isEqualTo("10.2.1.0/24");
        assertThat(answer.text(item + "/availabilityZone")).isEqualTo("zone-1");
        assertThat(answer.text(item + "/availabilityZoneId")).isNotEmpty();
        String owner = answer.text(item + "/ownerId");
        assertThat(owner).matches("[0-9]{12}");
        assertThat(answer.text(item + "/subnetArn"))
                .isEqualTo("arn:aws:ec2:" + AwsReplayServer.REGION + ":" + owner + ":subnet/" + subnet);
        assertThat(answer.text(item + "/mapPublicIpOnLaunch")).isEqualTo(mapPublicIp);
        assertThat(answer.text(item + "/assignIpv6AddressOnCreation")).isEqualTo("false");
        assertThat(answer.text(item + "/mapCustomerOwnedIpOnLaunch")).isEqualTo("false");
        assertThat(answer.text(item + "/enableDns64")).isEqualTo("false");
        assertThat(answer.text(item + "/ipv6Native")).isEqualTo("false");
        assertThat(answer.text(item + "/privateDnsNameOptionsOnLaunch/hostnameType"))
                .isEqualTo("ip-name");
        assertThat(answer.text(item + "/privateDnsNameOptionsOnLaunch/enableResourceNameDnsARecord"))
                .isEqualTo("false");
        assertThat(answer.text(item + "/privateDnsNameOptionsOnLaunch/enableResourceNameDnsAAAARecord"))
                .isEqualTo("false");
        assertThat(answer.texts(item + "/tagSet/item/key")).containsExactly("Name");
        assertThat(answer.texts(item + "/tagSet/item/value")).containsExactly("tf-subnet");
    }
}
