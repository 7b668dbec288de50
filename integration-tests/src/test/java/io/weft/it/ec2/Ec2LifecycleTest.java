package io.weft.it.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicView;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.UserKeys;
import io.weft.testsupport.Steps;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The AWS SDK for Java v2 EC2 client, unmodified, against a running Weft server: a VPC, two subnets,
 * groups with CIDR, group-reference and egress rules, ENIs in groups; read back, filtered, paged,
 * modified, revoked and deleted in dependency order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2LifecycleTest {
    private Ec2Server weft;
    private UserKeys alice;
    private Ec2Client ec2;

    @BeforeAll
    void start(@TempDir Path dir) {
        weft = new Ec2Server(dir);
        alice = weft.tenant("alice");
        ec2 = weft.client(alice);
    }

    @AfterAll
    void stop() {
        if (ec2 != null) {
            ec2.close();
        }
        if (weft != null) {
            weft.close();
        }
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static TagSpecification name(ResourceType type, String name) {
        return TagSpecification.builder()
                .resourceType(type)
                .tags(Tag.builder().key("Name").value(name).build())
                .build();
    }

    @Test
    void availabilityZonesAreWeftZones() {
        List<AvailabilityZone> zones = ec2.describeAvailabilityZones().availabilityZones();

        assertThat(zones).extracting(AvailabilityZone::zoneName).containsExactly(Ec2Server.ZONE);
        assertThat(zones.get(0).stateAsString()).isEqualTo("available");
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-name", "nowhere")))
                        .availabilityZones())
                .isEmpty();
    }

    @Test
    void interfaceAttachedByTheComputeSideShowsItsInstance() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.7.0.0/16")).vpc();
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.7.1.0/24"))
                .subnet();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet.subnetId()))
                .networkInterface()
                .networkInterfaceId();
        Caller caller = weft.caller(alice);
        NicService nics = weft.server.injector().getInstance(NicService.class);
        UUID nic = nics.list(caller, NicQuery.all(), Page.ALL).items().stream()
                .map(NicView::id)
                .filter(id -> eni.equals("eni-" + id.toString().replace("-", "").substring(0, 17)))
                .findFirst()
                .orElseThrow();
        UUID zone = nics.get(caller, nic).zoneId();
        UUID vm = weft.server
                .injector()
                .getInstance(VirtualMachineService.class)
                .register(caller, NewVirtualMachine.of(zone, "vm-1"))
                .value()
                .id();
        nics.attach(caller, nic, vm, Optional.empty());

        NetworkInterface attached = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni))
                .networkInterfaces()
                .get(0);
        String instance = attached.attachment().instanceId();
        assertThat(instance).matches("i-[0-9a-f]{17}");
        assertThat(attached.statusAsString()).isEqualTo("in-use");
        assertThat(attached.attachment().deviceIndex()).isZero();
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("attachment.instance-id", instance)))
                        .networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId)
                .containsExactly(eni);
        assertThatThrownBy(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)))
                .isInstanceOfSatisfying(
                        Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkInterface.InUse"));

        nics.detach(caller, nic);
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
    }

    @Test
    void vpcSubnetsGroupsAndInterfacesRoundTrip() {
        Scenario scenario = new Scenario();
        Steps.of("VPC, subnets, groups and interfaces round trip")
                .step("a tagged VPC and two subnets, filtered and described", scenario::vpcAndSubnets)
                .step(
                        "the VPC's default group lets members reach each other and all egress out",
                        scenario::defaultGroup)
                .step("groups with CIDR, group-reference and egress rules read back", scenario::groups)
                .step("network interfaces in groups, filtered and paged", scenario::interfaces)
                .step("an interface's group list, source/dest check and description change", scenario::modifyInterface)
                .step("the legacy flat form authorizes a CIDR and a group by name", scenario::flatForm)
                .step("a rule's content changes and keeps its id", scenario::modifyRule)
                .step("rules are revoked by permission, by rule id and in the flat form", scenario::revoke)
                .step("tags are created, filtered and deleted", scenario::tags)
                .step("everything is deleted in dependency order", scenario::delete);
    }

    /** One run of the scenario as alice; each step builds on what the one before made. */
    private final class Scenario {
        private Vpc vpc;
        private Subnet first;
        private Subnet second;
        private String web;
        private String db;
        private List<SecurityGroupRule> webRules;
        private NetworkInterface eni;
        private SecurityGroupRule ssh;

        void vpcAndSubnets() {
            // VPC and subnets
            vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(name(ResourceType.VPC, "main")))
                    .vpc();
            assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
            assertThat(vpc.cidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(vpc.tags())
                    .containsExactly(Tag.builder().key("Name").value("main").build());
            assertThat(ec2.describeVpcs(r -> r.filters(filter("tag:Name", "ma*")))
                            .vpcs())
                    .extracting(Vpc::vpcId)
                    .containsExactly(vpc.vpcId());

            first = ec2.createSubnet(
                            r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.1.0/24").availabilityZone(Ec2Server.ZONE))
                    .subnet();
            second = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.2.0/24"))
                    .subnet();
            assertThat(first.subnetId()).matches("subnet-[0-9a-f]{17}");
            assertThat(first.availabilityZone()).isEqualTo(Ec2Server.ZONE);
            assertThat(first.vpcId()).isEqualTo(vpc.vpcId());
            assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc.vpcId())))
                            .subnets())
                    .extracting(Subnet::cidrBlock)
                    .containsExactlyInAnyOrder("10.0.1.0/24", "10.0.2.0/24");
            assertThat(ec2.describeSubnets(r -> r.subnetIds(second.subnetId())).subnets())
                    .singleElement()
                    .satisfies(subnet ->
                            assertThat(subnet.availableIpAddressCount()).isPositive());
        }

        /** The VPC's default group: members reach each other, all egress allowed */
        void defaultGroup() {
            SecurityGroup defaultGroup = ec2.describeSecurityGroups(
                            r -> r.filters(filter("vpc-id", vpc.vpcId()), filter("group-name", "default")))
                    .securityGroups()
                    .get(0);
            assertThat(defaultGroup.ipPermissions()).singleElement().satisfies(permission -> {
                assertThat(permission.ipProtocol()).isEqualTo("-1");
                assertThat(permission.userIdGroupPairs())
                        .extracting(UserIdGroupPair::groupId)
                        .containsExactly(defaultGroup.groupId());
            });
            assertThat(defaultGroup.ipPermissionsEgress()).singleElement().satisfies(permission -> {
                assertThat(permission.ipProtocol()).isEqualTo("-1");
                assertThat(permission.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
            });
        }

        /** Groups: a new group allows all egress; CIDR, group-reference and egress rules */
        void groups() {
            web = ec2.createSecurityGroup(
                            r -> r.groupName("web").description("web tier").vpcId(vpc.vpcId()))
                    .groupId();
            db = ec2.createSecurityGroup(
                            r -> r.groupName("db").description("databases").vpcId(vpc.vpcId()))
                    .groupId();
            assertThat(web).matches("sg-[0-9a-f]{17}");
            webRules = ec2.authorizeSecurityGroupIngress(r -> r.groupId(web)
                            .ipPermissions(
                                    IpPermission.builder()
                                            .ipProtocol("tcp")
                                            .fromPort(22)
                                            .toPort(22)
                                            .ipRanges(IpRange.builder()
                                                    .cidrIp("10.0.0.0/8")
                                                    .description("ssh")
                                                    .build())
                                            .build(),
                                    IpPermission.builder()
                                            .ipProtocol("tcp")
                                            .fromPort(443)
                                            .toPort(443)
                                            .ipRanges(IpRange.builder()
                                                    .cidrIp("0.0.0.0/0")
                                                    .build())
                                            .build()))
                    .securityGroupRules();
            assertThat(webRules).hasSize(2).allSatisfy(rule -> {
                assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
                assertThat(rule.groupId()).isEqualTo(web);
                assertThat(rule.isEgress()).isFalse();
            });
            assertThat(webRules.get(0).cidrIpv4()).isEqualTo("10.0.0.0/8");
            assertThat(webRules.get(0).description()).isEqualTo("ssh");
            SecurityGroupRule fromWeb = ec2.authorizeSecurityGroupIngress(r -> r.groupId(db)
                            .ipPermissions(IpPermission.builder()
                                    .ipProtocol("tcp")
                                    .fromPort(5432)
                                    .toPort(5432)
                                    .userIdGroupPairs(UserIdGroupPair.builder()
                                            .groupId(web)
                                            .build())
                                    .build()))
                    .securityGroupRules()
                    .get(0);
            assertThat(fromWeb.referencedGroupInfo().groupId()).isEqualTo(web);
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(db)
                    .ipPermissions(IpPermission.builder()
                            .ipProtocol("udp")
                            .fromPort(53)
                            .toPort(53)
                            .ipRanges(IpRange.builder().cidrIp("10.0.0.2/32").build())
                            .build()));

            SecurityGroup dbGroup = ec2.describeSecurityGroups(r -> r.groupIds(db))
                    .securityGroups()
                    .get(0);
            assertThat(dbGroup.groupName()).isEqualTo("db");
            assertThat(dbGroup.description()).isEqualTo("databases");
            assertThat(dbGroup.vpcId()).isEqualTo(vpc.vpcId());
            assertThat(dbGroup.ipPermissions()).singleElement().satisfies(permission -> {
                assertThat(permission.ipProtocol()).isEqualTo("tcp");
                assertThat(permission.fromPort()).isEqualTo(5432);
                assertThat(permission.userIdGroupPairs())
                        .extracting(UserIdGroupPair::groupId)
                        .containsExactly(web);
            });
            assertThat(dbGroup.ipPermissionsEgress())
                    .extracting(IpPermission::ipProtocol)
                    .containsExactlyInAnyOrder("-1", "udp");
            assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("ip-permission.from-port", "5432")))
                            .securityGroups())
                    .extracting(SecurityGroup::groupId)
                    .containsExactly(db);
            assertThat(ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", web)))
                            .securityGroupRules())
                    .hasSize(3); // ssh, https, and the initial egress rule
        }

        /** Network interfaces in groups, paged */
        void interfaces() {
            eni = ec2.createNetworkInterface(r -> r.subnetId(first.subnetId())
                            .groups(web)
                            .description("frontend")
                            .tagSpecifications(name(ResourceType.NETWORK_INTERFACE, "eni-a")))
                    .networkInterface();
            NetworkInterface pinned = ec2.createNetworkInterface(
                            r -> r.subnetId(first.subnetId()).groups(web, db).privateIpAddress("10.0.1.50"))
                    .networkInterface();
            assertThat(eni.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
            assertThat(eni.groups()).extracting(GroupIdentifier::groupId).containsExactly(web);
            assertThat(eni.subnetId()).isEqualTo(first.subnetId());
            assertThat(eni.vpcId()).isEqualTo(vpc.vpcId());
            assertThat(eni.description()).isEqualTo("frontend");
            assertThat(eni.statusAsString()).isEqualTo("available");
            assertThat(pinned.privateIpAddress()).isEqualTo("10.0.1.50");
            for (int i = 0; i < 5; i++) {
                ec2.createNetworkInterface(r -> r.subnetId(second.subnetId()));
            }
            assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("group-id", db)))
                            .networkInterfaces())
                    .extracting(NetworkInterface::networkInterfaceId)
                    .containsExactly(pinned.networkInterfaceId());
            assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("tag:Name", "eni-?")))
                            .networkInterfaces())
                    .extracting(NetworkInterface::networkInterfaceId)
                    .containsExactly(eni.networkInterfaceId());
            List<NetworkInterface> paged = ec2
                    .describeNetworkInterfacesPaginator(r -> r.maxResults(5).filters(filter("vpc-id", vpc.vpcId())))
                    .networkInterfaces()
                    .stream()
                    .toList();
            assertThat(paged).hasSize(7);
            assertThat(ec2.describeNetworkInterfaces(r -> r.maxResults(5)).nextToken())
                    .isNotBlank();
        }

        /** Modify: the group list replaces the whole set; source/dest check */
        void modifyInterface() {
            ec2.modifyNetworkInterfaceAttribute(
                    r -> r.networkInterfaceId(eni.networkInterfaceId()).groups(db));
            ec2.modifyNetworkInterfaceAttribute(
                    r -> r.networkInterfaceId(eni.networkInterfaceId()).sourceDestCheck(b -> b.value(false)));
            NetworkInterface modified = ec2.describeNetworkInterfaces(
                            r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                    .networkInterfaces()
                    .get(0);
            assertThat(modified.groups()).extracting(GroupIdentifier::groupId).containsExactly(db);
            assertThat(modified.sourceDestCheck()).isFalse();
            ec2.modifyNetworkInterfaceAttribute(
                    r -> r.networkInterfaceId(eni.networkInterfaceId()).description(b -> b.value("edge")));
            assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("description", "ed*")))
                            .networkInterfaces())
                    .extracting(NetworkInterface::networkInterfaceId, NetworkInterface::description)
                    .containsExactly(tuple(eni.networkInterfaceId(), "edge"));
        }

        /** The legacy flat form, with a CIDR and with a group by name */
        void flatForm() {
            ec2.authorizeSecurityGroupIngress(r ->
                    r.groupId(web).ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIp("192.168.0.0/16"));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).sourceSecurityGroupName("web"));
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(web))
                            .securityGroups()
                            .get(0)
                            .ipPermissions())
                    .anySatisfy(permission -> {
                        assertThat(permission.fromPort()).isEqualTo(8080);
                        assertThat(permission.ipRanges())
                                .extracting(IpRange::cidrIp)
                                .containsExactly("192.168.0.0/16");
                    });
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(db))
                            .securityGroups()
                            .get(0)
                            .ipPermissions())
                    .anySatisfy(permission -> {
                        assertThat(permission.ipProtocol()).isEqualTo("-1");
                        assertThat(permission.userIdGroupPairs())
                                .extracting(UserIdGroupPair::groupId)
                                .containsExactly(web);
                    });
        }

        /** Modify a rule's content */
        void modifyRule() {
            ec2.modifySecurityGroupRules(r -> r.groupId(web)
                    .securityGroupRules(SecurityGroupRuleUpdate.builder()
                            .securityGroupRuleId(webRules.get(0).securityGroupRuleId())
                            .securityGroupRule(SecurityGroupRuleRequest.builder()
                                    .ipProtocol("tcp")
                                    .fromPort(2222)
                                    .toPort(2222)
                                    .cidrIpv4("10.1.0.0/16")
                                    .description("ssh2")
                                    .build())
                            .build()));
            ssh = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", web))).securityGroupRules().stream()
                    .filter(rule -> "10.1.0.0/16".equals(rule.cidrIpv4()))
                    .findFirst()
                    .orElseThrow();
            assertThat(ssh.securityGroupRuleId()).isEqualTo(webRules.get(0).securityGroupRuleId());
            assertThat(ssh.fromPort()).isEqualTo(2222);
            assertThat(ssh.description()).isEqualTo("ssh2");
            assertThat(ssh.isEgress()).isFalse();
        }

        /** Revoke by permission, by rule id, and in the flat form */
        void revoke() {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(web)
                    .ipPermissions(IpPermission.builder()
                            .ipProtocol("tcp")
                            .fromPort(443)
                            .toPort(443)
                            .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                            .build()));
            ec2.revokeSecurityGroupIngress(r -> r.groupId(web).securityGroupRuleIds(ssh.securityGroupRuleId()));
            ec2.revokeSecurityGroupIngress(r ->
                    r.groupId(web).ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIp("192.168.0.0/16"));
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(web))
                            .securityGroups()
                            .get(0)
                            .ipPermissions())
                    .isEmpty();
            ec2.revokeSecurityGroupEgress(r -> r.groupId(db)
                    .ipPermissions(IpPermission.builder()
                            .ipProtocol("udp")
                            .fromPort(53)
                            .toPort(53)
                            .ipRanges(IpRange.builder().cidrIp("10.0.0.2/32").build())
                            .build()));
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(db))
                            .securityGroups()
                            .get(0)
                            .ipPermissionsEgress())
                    .extracting(IpPermission::ipProtocol)
                    .containsExactly("-1");
        }

        /** Tags */
        void tags() {
            ec2.createTags(r -> r.resources(vpc.vpcId(), web)
                    .tags(Tag.builder().key("env").value("test").build()));
            List<TagDescription> tags =
                    ec2.describeTags(r -> r.filters(filter("key", "env"))).tags();
            assertThat(tags.stream().map(TagDescription::resourceId).collect(Collectors.toSet()))
                    .isEqualTo(Set.of(vpc.vpcId(), web));
            ec2.deleteTags(r -> r.resources(web).tags(Tag.builder().key("env").build()));
            assertThat(ec2.describeTags(r -> r.filters(filter("key", "env"))).tags())
                    .extracting(TagDescription::resourceId)
                    .containsExactly(vpc.vpcId());
        }

        /** Delete in dependency order */
        void delete() {
            ec2.describeNetworkInterfaces(r -> r.filters(filter("vpc-id", vpc.vpcId())))
                    .networkInterfaces()
                    .forEach(each -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(each.networkInterfaceId())));
            ec2.deleteSecurityGroup(r -> r.groupId(db));
            ec2.deleteSecurityGroup(r -> r.groupId(web));
            ec2.deleteSubnet(r -> r.subnetId(first.subnetId()));
            ec2.deleteSubnet(r -> r.subnetId(second.subnetId()));
            ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
            assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(vpc.vpcId());
        }
    }
}
