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

/** Spellings AWS accepts beside the documented ones, as Libcloud and Ansible send them. */
class Ec2WireSpellingsTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String vpc;
    String subnet;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        List<String> ids = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24");
        vpc = ids.get(0);
        subnet = ids.get(1);
        ec2.vpcWithSubnet(alice, "10.1.0.0/16", "10.1.1.0/24");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> filtered(String action, String idPath, String filter, String value) {
        return ec2.call(alice, action, "Filter.1.Name", filter, "Filter.1.Value.1", value)
                .ok()
                .all(idPath);
    }

    /** Libcloud's {@code ex_create_tags} and {@code ex_delete_tags} number from 0. */
    @Test
    void listsMayBeNumberedFromZero() {
        ec2.call(
                        alice,
                        "CreateTags",
                        "ResourceId.0",
                        vpc,
                        "ResourceId.1",
                        subnet,
                        "Tag.0.Key",
                        "Name",
                        "Tag.0.Value",
                        "lc",
                        "Tag.1.Key",
                        "env",
                        "Tag.1.Value",
                        "test")
                .ok();

        assertThat(ec2.call(alice, "DescribeTags").ok().all("/DescribeTagsResponse/tagSet/item/resourceId"))
                .containsExactlyInAnyOrder(vpc, vpc, subnet, subnet);
        ec2.call(alice, "DeleteTags", "ResourceId.0", vpc, "Tag.0.Key", "env").ok();
        assertThat(ec2.call(alice, "DescribeVpcs", "VpcId.0", vpc)
                        .ok()
                        .all("/DescribeVpcsResponse/vpcSet/item/tagSet/item/key"))
                .containsExactly("Name");
        assertThat(filtered("DescribeVpcs", "/DescribeVpcsResponse/vpcSet/item/vpcId", "tag:Name", "lc"))
                .containsExactly(vpc);
    }

    /** Ansible's ec2_vpc_net looks a VPC up by {@code cidr-block}. */
    @Test
    void vpcsAreFoundByEveryCidrFilterAwsAccepts() {
        String vpcs = "/DescribeVpcsResponse/vpcSet/item/vpcId";
        for (String name : List.of("cidr", "cidr-block", "cidr-block-association.cidr-block")) {
            assertThat(filtered("DescribeVpcs", vpcs, name, "10.0.0.0/16"))
                    .as(name)
                    .containsExactly(vpc);
        }
        assertThat(filtered("DescribeVpcs", vpcs, "dhcp-options-id", "default")).hasSize(2);
    }

    @Test
    void subnetsAreFoundByTheDocumentedAliases() {
        String subnets = "/DescribeSubnetsResponse/subnetSet/item/subnetId";
        for (String name : List.of("cidr", "cidr-block", "cidrBlock")) {
            assertThat(filtered("DescribeSubnets", subnets, name, "10.0.1.0/24"))
                    .as(name)
                    .containsExactly(subnet);
        }
        assertThat(filtered("DescribeSubnets", subnets, "availabilityZone", "zone-1"))
                .hasSize(2);
        assertThat(filtered("DescribeSubnets", subnets, "defaultForAz", "false"))
                .hasSize(2);
        assertThat(filtered("DescribeSubnets", subnets, "default-for-az", "true"))
                .isEmpty();
    }

    @Test
    void interfacesAreFoundByTheirAddressesAndAttributes() {
        String eni = ec2.call(alice, "CreateNetworkInterface", "SubnetId", subnet, "PrivateIpAddress", "10.0.1.50")
                .ok()
                .one("/CreateNetworkInterfaceResponse/networkInterface/networkInterfaceId");
        String enis = "/DescribeNetworkInterfacesResponse/networkInterfaceSet/item/networkInterfaceId";

        assertThat(filtered("DescribeNetworkInterfaces", enis, "addresses.private-ip-address", "10.0.1.50"))
                .containsExactly(eni);
        assertThat(filtered("DescribeNetworkInterfaces", enis, "source-dest-check", "true"))
                .containsExactly(eni);
        assertThat(filtered("DescribeNetworkInterfaces", enis, "attachment.device-index", "0"))
                .isEmpty();
    }
}
