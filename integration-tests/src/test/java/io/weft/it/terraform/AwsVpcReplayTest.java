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
 * {@code aws_vpc} as the Terraform AWS provider (v5, aws-sdk-go-v2) drives it, request by request,
 * from {@code internal/service/ec2/vpc_.go}:
 *
 * <ul>
 *   <li>{@code resourceVPCCreate}: {@code CreateVpc} with {@code AmazonProvidedIpv6CidrBlock=false},
 *       {@code InstanceTenancy=default} and the tags as {@code TagSpecification.1}; {@code
 *       waitVPCCreatedV2} polls {@code findVPCByIDV2} ({@code DescribeVpcs VpcId.1}) until {@code
 *       state} is {@code available}; {@code modifyVPCAttributesOnCreate} turns on DNS host names
 *       ({@code ModifyVpcAttribute EnableDnsHostnames.Value}) and {@code waitVPCAttributeUpdatedV2}
 *       polls {@code findVPCAttributeV2} ({@code DescribeVpcAttribute}).
 *   <li>{@code resourceVPCRead}: {@code findVPCByIDV2}; {@code findVPCAttributeV2} for {@code
 *       enableDnsHostnames}, {@code enableDnsSupport} and {@code enableNetworkAddressUsageMetrics}
 *       (an error there fails the read); {@code findVPCDefaultNetworkACLV2} ({@code
 *       DescribeNetworkAcls} filters {@code default=true}, {@code vpc-id}), {@code
 *       findVPCMainRouteTable} ({@code DescribeRouteTables} filters {@code association.main=true},
 *       {@code vpc-id}) and {@code findVPCDefaultSecurityGroupV2} ({@code DescribeSecurityGroups}
 *       filters {@code group-name=default}, {@code vpc-id}); {@code newAttributeFilterList} sorts the
 *       filter names, so they are numbered in that order.
 *   <li>{@code resourceVPCUpdate}: {@code modifyVPCDNSSupport} ({@code ModifyVpcAttribute
 *       EnableDnsSupport.Value}, then the attribute waiter) and the tag update ({@code
 *       updateTags}: {@code DeleteTags} for removed keys, {@code CreateTags} for new values).
 *   <li>{@code resourceVPCDelete}: {@code DeleteVpc} ({@code InvalidVpcID.NotFound} counts as gone),
 *       then {@code RetryUntilNotFound} on {@code findVPCByIDV2}, which maps {@code
 *       InvalidVpcID.NotFound} to "not found"; a later refresh reads the same and drops the VPC.
 * </ul>
 */
class AwsVpcReplayTest {
    @TempDir
    static Path dataDir;

    private static AwsReplayServer weft;
    private static Ec2QueryReplay terraform;

    @BeforeAll
    static void start() {
        weft = new AwsReplayServer(dataDir);
        terraform = weft.tenant("tf-vpc");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void createReadUpdateDeleteAndRefreshAfterDelete() {
        // resourceVPCCreate
        Answer created = ok(terraform.send(
                "CreateVpc",
                of(
                        "AmazonProvidedIpv6CidrBlock", "false",
                        "CidrBlock", "10.1.0.0/16",
                        "InstanceTenancy", "default",
                        "TagSpecification.1.ResourceType", "vpc",
                        "TagSpecification.1.Tag.1.Key", "Name",
                        "TagSpecification.1.Tag.1.Value", "tf-replay",
                        "TagSpecification.1.Tag.2.Key", "env",
                        "TagSpecification.1.Tag.2.Value", "test")));
        String vpc = created.text("/CreateVpcResponse/vpc/vpcId");
        assertThat(vpc).matches("vpc-[0-9a-f]{17}");
        assertThat(created.text("/CreateVpcResponse/vpc/cidrBlock")).isEqualTo("10.1.0.0/16");

        Answer waited = ok(terraform.send("DescribeVpcs", of("VpcId.1", vpc)));
        assertThat(waited.text("/DescribeVpcsResponse/vpcSet/item/state")).isEqualTo("available");

        ok(terraform.send("ModifyVpcAttribute", of("EnableDnsHostnames.Value", "true", "VpcId", vpc)));
        assertThat(attribute(vpc, "enableDnsHostnames")).isEqualTo("true");

        read(vpc, "true", "true");
        assertThat(tags(vpc)).containsExactlyInAnyOrder("Name=tf-replay", "env=test");

        // resourceVPCUpdate: enable_dns_support = false, tag env removed, Name changed
        ok(terraform.send("ModifyVpcAttribute", of("EnableDnsSupport.Value", "false", "VpcId", vpc)));
        assertThat(attribute(vpc, "enableDnsSupport")).isEqualTo("false");
        ok(terraform.send("DeleteTags", of("ResourceId.1", vpc, "Tag.1.Key", "env")));
        ok(terraform.send("CreateTags", of("ResourceId.1", vpc, "Tag.1.Key", "Name", "Tag.1.Value", "tf-renamed")));
        read(vpc, "true", "false");
        assertThat(tags(vpc)).containsExactly("Name=tf-renamed");

        // resourceVPCDelete
        ok(terraform.send("DeleteVpc", of("VpcId", vpc)));
        Answer gone = terraform.send("DescribeVpcs", of("VpcId.1", vpc));
        assertThat(gone.errorCode()).as(gone.toString()).isEqualTo("InvalidVpcID.NotFound");

        // A refresh after the delete, and a second delete, both see the VPC as gone.
        assertThat(terraform.send("DescribeVpcs", of("VpcId.1", vpc)).errorCode())
                .isEqualTo("InvalidVpcID.NotFound");
        assertThat(terraform.send("DeleteVpc", of("VpcId", vpc)).errorCode()).isEqualTo("InvalidVpcID.NotFound");
    }

    /** resourceVPCRead, every call it makes and every field it reads. */
    private static void read(String vpc, String dnsHostnames, String dnsSupport) {
        Answer described = ok(terraform.send("DescribeVpcs", of("VpcId.1", vpc)));
        String item = "/DescribeVpcsResponse/vpcSet/item";
        assertThat(described.count(item)).isEqualTo(1);
        assertThat(described.text(item + "/vpcId")).isEqualTo(vpc);
        assertThat(described.text(item + "/ownerId")).matches("[0-9]{12}");
        assertThat(described.text(item + "/cidrBlock")).isEqualTo("10.1.0.0/16");
        assertThat(described.text(item + "/dhcpOptionsId")).isNotNull();
        assertThat(described.text(item + "/instanceTenancy")).isEqualTo("default");
        assertThat(described.text(item + "/state")).isEqualTo("available");

        assertThat(attribute(vpc, "enableDnsHostnames")).isEqualTo(dnsHostnames);
        assertThat(attribute(vpc, "enableDnsSupport")).isEqualTo(dnsSupport);
        assertThat(attribute(vpc, "enableNetworkAddressUsageMetrics")).isEqualTo("false");

        Answer acl = ok(terraform.send(
                "DescribeNetworkAcls",
                of(
                        "Filter.1.Name",
                        "default",
                        "Filter.1.Value.1",
                        "true",
                        "Filter.2.Name",
                        "vpc-id",
                        "Filter.2.Value.1",
                        vpc)));
        assertThat(acl.texts("/DescribeNetworkAclsResponse/networkAclSet/item/networkAclId"))
                .singleElement()
                .asString()
                .startsWith("acl-");

        Answer main = ok(terraform.send(
                "DescribeRouteTables",
                of(
                        "Filter.1.Name", "association.main",
                        "Filter.1.Value.1", "true",
                        "Filter.2.Name", "vpc-id",
                        "Filter.2.Value.1", vpc)));
        assertThat(main.texts("/DescribeRouteTablesResponse/routeTableSet/item/routeTableId"))
                .singleElement()
                .asString()
                .startsWith("rtb-");

        Answer group = ok(terraform.send(
                "DescribeSecurityGroups",
                of(
                        "Filter.1.Name",
                        "group-name",
                        "Filter.1.Value.1",
                        "default",
                        "Filter.2.Name",
                        "vpc-id",
                        "Filter.2.Value.1",
                        vpc)));
        assertThat(group.texts("/DescribeSecurityGroupsResponse/securityGroupInfo/item/groupId"))
                .singleElement()
                .asString()
                .startsWith("sg-");
    }

    /** findVPCAttributeV2: the attribute's {@code <value>}. */
    private static String attribute(String vpc, String name) {
        Answer answer = ok(terraform.send("DescribeVpcAttribute", of("Attribute", name, "VpcId", vpc)));
        assertThat(answer.text("/DescribeVpcAttributeResponse/vpcId")).isEqualTo(vpc);
        return answer.text("/DescribeVpcAttributeResponse/" + name + "/value");
    }

    private static java.util.List<String> tags(String vpc) {
        Answer answer = ok(terraform.send("DescribeVpcs", of("VpcId.1", vpc)));
        java.util.List<String> keys = answer.texts("/DescribeVpcsResponse/vpcSet/item/tagSet/item/key");
        java.util.List<String> values = answer.texts("/DescribeVpcsResponse/vpcSet/item/tagSet/item/value");
        java.util.List<String> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(keys.get(i) + "=" + values.get(i));
        }
        return pairs;
    }

    static Answer ok(Answer answer) {
        assertThat(answer.ok()).as(answer.toString()).isTrue();
        return answer;
    }
}
