package io.weft.it.terraform;

import static io.weft.it.terraform.ReplayParams.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.terraform.Ec2QueryReplay.Answer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws_network_interface} as the Terraform AWS provider (v5) drives it, from {@code
 * internal/service/ec2/vpc_network_interface.go}, with {@code private_ips}, {@code security_groups},
 * a {@code description}, tags and an {@code attachment} block:
 *
 * <ul>
 *   <li>{@code resourceNetworkInterfaceCreate}: {@code CreateNetworkInterface} with a {@code
 *       ClientToken} from {@code id.UniqueId()}, {@code PrivateIpAddresses.N} from {@code
 *       expandPrivateIPAddressSpecifications} (the first one {@code Primary=true}), {@code
 *       SecurityGroupId.1}, {@code SubnetId} and {@code TagSpecification.1} of type {@code
 *       network-interface}; {@code waitNetworkInterfaceCreated} polls {@code
 *       findNetworkInterfaceByID} ({@code DescribeNetworkInterfaces NetworkInterfaceId.1}) until
 *       {@code status=available}; {@code attachNetworkInterface} sends {@code AttachNetworkInterface
 *       DeviceIndex, InstanceId, NetworkInterfaceId} and {@code waitNetworkInterfaceAttached} polls
 *       {@code findNetworkInterfaceAttachmentByID} ({@code DescribeNetworkInterfaces} filter {@code
 *       attachment.attachment-id}) until the attachment's {@code status=attached}.
 *   <li>{@code resourceNetworkInterfaceRead}: {@code findNetworkInterfaceByID}, reading {@code
 *       attachment} ({@code attachmentId}, {@code deviceIndex}, {@code instanceId}), {@code
 *       description}, {@code interfaceType}, {@code macAddress}, {@code ownerId}, {@code
 *       privateIpAddress}, {@code privateIpAddressesSet} (its length less one is {@code
 *       private_ips_count}), {@code groupSet}, {@code sourceDestCheck}, {@code subnetId} and {@code
 *       tagSet}.
 *   <li>{@code resourceNetworkInterfaceUpdate}: a changed {@code private_ips} set sends {@code
 *       UnassignPrivateIpAddresses PrivateIpAddress.N} for the addresses that went and {@code
 *       AssignPrivateIpAddresses PrivateIpAddress.N} for the new ones; a larger {@code
 *       private_ips_count} sends {@code AssignPrivateIpAddresses SecondaryPrivateIpAddressCount}; a
 *       removed {@code attachment} sends {@code DetachNetworkInterface AttachmentId, Force=true} and
 *       {@code waitNetworkInterfaceDetached} polls the attachment filter until it finds nothing; new
 *       {@code security_groups} and {@code description} are one {@code ModifyNetworkInterfaceAttribute}
 *       each ({@code SecurityGroupId.N}, {@code Description.Value}).
 *   <li>{@code resourceNetworkInterfaceDelete} / {@code deleteNetworkInterface}: {@code
 *       DeleteNetworkInterface}, where {@code InvalidNetworkInterfaceID.NotFound} counts as gone; a
 *       later refresh's {@code findNetworkInterfaceByID} maps that code to "not found".
 * </ul>
 */
class AwsNetworkInterfaceReplayTest {
    private static final String ITEM = "/DescribeNetworkInterfacesResponse/networkInterfaceSet/item";

    @TempDir
    static Path dataDir;

    private static AwsReplayServer weft;
    private static Ec2QueryReplay terraform;

    @BeforeAll
    static void start() {
        weft = new AwsReplayServer(dataDir);
        terraform = weft.tenant("tf-eni");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void createAttachChangeAddressesDetachDeleteAndRefresh() {
        String vpc = terraform
                .send(
                        "CreateVpc",
                        of(
                                "AmazonProvidedIpv6CidrBlock",
                                "false",
                                "CidrBlock",
                                "10.4.0.0/16",
                                "InstanceTenancy",
                                "default"))
                .requireOk()
                .text("/CreateVpcResponse/vpc/vpcId");
        String subnet = terraform
                .send("CreateSubnet", of("CidrBlock", "10.4.1.0/24", "VpcId", vpc))
                .requireOk()
                .text("/CreateSubnetResponse/subnet/subnetId");
        String web = group(vpc, "tf-eni-web");
        String db = group(vpc, "tf-eni-db");
        String instance = weft.instance(terraform, "tf-eni-vm");

        // resourceNetworkInterfaceCreate
        Answer created = terraform.send(
                "CreateNetworkInterface",
                of(
                        "ClientToken", "terraform-20261205162531123400000001",
                        "Description", "replayed interface",
                        "PrivateIpAddresses.1.Primary", "true",
                        "PrivateIpAddresses.1.PrivateIpAddress", "10.4.1.10",
                        "PrivateIpAddresses.2.PrivateIpAddress", "10.4.1.11",
                        "SecurityGroupId.1", web,
                        "SubnetId", subnet,
                        "TagSpecification.1.ResourceType", "network-interface",
                        "TagSpecification.1.Tag.1.Key", "Name",
                        "TagSpecification.1.Tag.1.Value", "tf-eni"));
        assertThat(created.ok()).as(created.toString()).isTrue();
        String eni = created.text("/CreateNetworkInterfaceResponse/networkInterface/networkInterfaceId");
        assertThat(eni).matches("eni-[0-9a-f]{17}");
        assertThat(read(eni).text(ITEM + "/status")).isEqualTo("available");
        assertThat(addresses(read(eni))).containsExactly("10.4.1.10=true", "10.4.1.11=false");

        Answer attached = terraform.send(
                "AttachNetworkInterface", of("DeviceIndex", "1", "InstanceId", instance, "NetworkInterfaceId", eni));
        assertThat(attached.ok()).as(attached.toString()).isTrue();
        String attachment = attached.text("/AttachNetworkInterfaceResponse/attachmentId");
        assertThat(attachment).startsWith("eni-attach-");
        Answer byAttachment = attachment(attachment);
        assertThat(byAttachment.text(ITEM + "/attachment/status")).isEqualTo("attached");

        Answer read = read(eni);
        assertThat(read.text(ITEM + "/networkInterfaceId")).isEqualTo(eni);
        assertThat(read.text(ITEM + "/subnetId")).isEqualTo(subnet);
        assertThat(read.text(ITEM + "/description")).isEqualTo("replayed interface");
        assertThat(read.text(ITEM + "/interfaceType")).isEqualTo("interface");
        assertThat(read.text(ITEM + "/macAddress")).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(read.text(ITEM + "/ownerId")).matches("[0-9]{12}");
        assertThat(read.text(ITEM + "/privateIpAddress")).isEqualTo("10.4.1.10");
        assertThat(read.text(ITEM + "/sourceDestCheck")).isEqualTo("true");
        assertThat(read.texts(ITEM + "/groupSet/item/groupId")).containsExactly(web);
        assertThat(read.text(ITEM + "/attachment/attachmentId")).isEqualTo(attachment);
        assertThat(read.text(ITEM + "/attachment/instanceId")).isEqualTo(instance);
        assertThat(read.text(ITEM + "/attachment/deviceIndex")).isEqualTo("1");
        assertThat(read.text(ITEM + "/attachment/networkCardIndex")).isEqualTo("0");
        assertThat(read.texts(ITEM + "/tagSet/item/value")).containsExactly("tf-eni");

        // resourceNetworkInterfaceUpdate: private_ips {10, 11} -> {10, 12}
        terraform
                .send("UnassignPrivateIpAddresses", of("NetworkInterfaceId", eni, "PrivateIpAddress.1", "10.4.1.11"))
                .requireOk();
        Answer assigned = terraform
                .send("AssignPrivateIpAddresses", of("NetworkInterfaceId", eni, "PrivateIpAddress.1", "10.4.1.12"))
                .requireOk();
        assertThat(assigned.text("/AssignPrivateIpAddressesResponse/networkInterfaceId"))
                .isEqualTo(eni);
        assertThat(assigned.texts(
                        "/AssignPrivateIpAddressesResponse/assignedPrivateIpAddressesSet/item/privateIpAddress"))
                .containsExactly("10.4.1.12");
        assertThat(addresses(read(eni))).containsExactly("10.4.1.10=true", "10.4.1.12=false");

        // ... private_ips_count 1 -> 3: two more, picked from the subnet
        Answer counted = terraform
                .send("AssignPrivateIpAddresses", of("NetworkInterfaceId", eni, "SecondaryPrivateIpAddressCount", "2"))
                .requireOk();
        List<String> picked =
                counted.texts("/AssignPrivateIpAddressesResponse/assignedPrivateIpAddressesSet/item/privateIpAddress");
        assertThat(picked).hasSize(2).doesNotContain("10.4.1.10", "10.4.1.12").allMatch(a -> a.startsWith("10.4.1."));
        assertThat(read(eni).count(ITEM + "/privateIpAddressesSet/item")).isEqualTo(4);

        // A secondary address is taken in the subnet: no other interface gets it.
        Answer clash =
                terraform.send("CreateNetworkInterface", of("PrivateIpAddress", "10.4.1.12", "SubnetId", subnet));
        assertThat(clash.errorCode()).as(clash.toString()).isEqualTo("InvalidIPAddress.InUse");
        // The primary address cannot be unassigned.
        assertThat(terraform
                        .send(
                                "UnassignPrivateIpAddresses",
                                of("NetworkInterfaceId", eni, "PrivateIpAddress.1", "10.4.1.10"))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");

        // ... attachment removed, security_groups and description changed
        terraform
                .send("DetachNetworkInterface", of("AttachmentId", attachment, "Force", "true"))
                .requireOk();
        assertThat(attachment(attachment).count(ITEM)).isZero();
        terraform
                .send("ModifyNetworkInterfaceAttribute", of("NetworkInterfaceId", eni, "SecurityGroupId.1", db))
                .requireOk();
        terraform
                .send(
                        "ModifyNetworkInterfaceAttribute",
                        of("Description.Value", "replayed, detached", "NetworkInterfaceId", eni))
                .requireOk();
        Answer changed = read(eni);
        assertThat(changed.text(ITEM + "/status")).isEqualTo("available");
        assertThat(changed.count(ITEM + "/attachment")).isZero();
        assertThat(changed.texts(ITEM + "/groupSet/item/groupId")).containsExactly(db);
        assertThat(changed.text(ITEM + "/description")).isEqualTo("replayed, detached");

        // resourceNetworkInterfaceDelete, and the refresh after it
        terraform.send("DeleteNetworkInterface", of("NetworkInterfaceId", eni)).requireOk();
        Answer gone = terraform.send("DescribeNetworkInterfaces", of("NetworkInterfaceId.1", eni));
        assertThat(gone.errorCode()).as(gone.toString()).isEqualTo("InvalidNetworkInterfaceID.NotFound");
        assertThat(terraform
                        .send("DeleteNetworkInterface", of("NetworkInterfaceId", eni))
                        .errorCode())
                .isEqualTo("InvalidNetworkInterfaceID.NotFound");

        // The deleted interface's secondary addresses are free again.
        Answer reused =
                terraform.send("CreateNetworkInterface", of("PrivateIpAddress", "10.4.1.12", "SubnetId", subnet));
        assertThat(reused.ok()).as(reused.toString()).isTrue();
        assertThat(reused.text("/CreateNetworkInterfaceResponse/networkInterface/privateIpAddress"))
                .isEqualTo("10.4.1.12");
    }

    /** What Terraform would send with a bad configuration: a clear error, and nothing changes. */
    @Test
    void badAddressRequestsFailAndChangeNothing() {
        String vpc = terraform
                .send(
                        "CreateVpc",
                        of(
                                "AmazonProvidedIpv6CidrBlock",
                                "false",
                                "CidrBlock",
                                "10.5.0.0/16",
                                "InstanceTenancy",
                                "default"))
                .requireOk()
                .text("/CreateVpcResponse/vpc/vpcId");
        String subnet = terraform
                .send("CreateSubnet", of("CidrBlock", "10.5.1.0/24", "VpcId", vpc))
                .requireOk()
                .text("/CreateSubnetResponse/subnet/subnetId");

        // A secondary address outside the subnet, and one given twice: no interface is left behind.
        Answer outside = terraform.send(
                "CreateNetworkInterface",
                of(
                        "PrivateIpAddresses.1.Primary", "true",
                        "PrivateIpAddresses.1.PrivateIpAddress", "10.5.1.10",
                        "PrivateIpAddresses.2.PrivateIpAddress", "10.9.9.9",
                        "SubnetId", subnet));
        assertThat(outside.errorCode()).as(outside.toString()).isEqualTo("InvalidParameterValue");
        Answer twice = terraform.send(
                "CreateNetworkInterface",
                of(
                        "PrivateIpAddresses.1.Primary", "true",
                        "PrivateIpAddresses.1.PrivateIpAddress", "10.5.1.10",
                        "PrivateIpAddresses.2.PrivateIpAddress", "10.5.1.10",
                        "SubnetId", subnet));
        assertThat(twice.errorCode()).as(twice.toString()).isEqualTo("InvalidIPAddress.InUse");
        assertThat(interfacesIn(subnet)).isZero();

        String eni = terraform
                .send(
                        "CreateNetworkInterface",
                        of("PrivateIpAddress", "10.5.1.10", "SecondaryPrivateIpAddressCount", "1", "SubnetId", subnet))
                .requireOk()
                .text("/CreateNetworkInterfaceResponse/networkInterface/networkInterfaceId");
        List<String> before = addresses(read(eni));
        assertThat(before).hasSize(2).startsWith("10.5.1.10=true");

        assertThat(terraform
                        .send(
                                "AssignPrivateIpAddresses",
                                of(
                                        "NetworkInterfaceId", eni,
                                        "PrivateIpAddress.1", "10.5.1.20",
                                        "SecondaryPrivateIpAddressCount", "1"))
                        .errorCode())
                .isEqualTo("InvalidParameterCombination");
        assertThat(terraform
                        .send(
                                "AssignPrivateIpAddresses",
                                of("NetworkInterfaceId", eni, "SecondaryPrivateIpAddressCount", "50"))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(terraform
                        .send(
                                "UnassignPrivateIpAddresses",
                                of("NetworkInterfaceId", eni, "PrivateIpAddress.1", "10.5.1.99"))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(addresses(read(eni))).isEqualTo(before);

        // Another tenant cannot see the interface, let alone give it addresses.
        Ec2QueryReplay stranger = weft.tenant("tf-eni-stranger");
        assertThat(stranger.send(
                                "AssignPrivateIpAddresses",
                                of("NetworkInterfaceId", eni, "PrivateIpAddress.1", "10.5.1.21"))
                        .errorCode())
                .isEqualTo("InvalidNetworkInterfaceID.NotFound");
        assertThat(addresses(read(eni))).isEqualTo(before);
    }

    private static int interfacesIn(String subnet) {
        return terraform
                .send("DescribeNetworkInterfaces", of("Filter.1.Name", "subnet-id", "Filter.1.Value.1", subnet))
                .requireOk()
                .count(ITEM);
    }

    private static String group(String vpc, String name) {
        return terraform
                .send("CreateSecurityGroup", of("GroupDescription", name, "GroupName", name, "VpcId", vpc))
                .requireOk()
                .text("/CreateSecurityGroupResponse/groupId");
    }

    private static Answer read(String eni) {
        Answer answer = terraform
                .send("DescribeNetworkInterfaces", of("NetworkInterfaceId.1", eni))
                .requireOk();
        assertThat(answer.count(ITEM)).isEqualTo(1);
        return answer;
    }

    private static Answer attachment(String attachmentId) {
        return terraform
                .send(
                        "DescribeNetworkInterfaces",
                        of("Filter.1.Name", "attachment.attachment-id", "Filter.1.Value.1", attachmentId))
                .requireOk();
    }

    /** privateIpAddressesSet as address=primary, in order. */
    private static List<String> addresses(Answer read) {
        List<String> addresses = read.texts(ITEM + "/privateIpAddressesSet/item/privateIpAddress");
        List<String> primary = read.texts(ITEM + "/privateIpAddressesSet/item/primary");
        return java.util.stream.IntStream.range(0, addresses.size())
                .mapToObj(i -> addresses.get(i) + "=" + primary.get(i))
                .toList();
    }
}
