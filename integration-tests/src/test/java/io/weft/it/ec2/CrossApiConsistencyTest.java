package io.weft.it.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicView;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.UserKeys;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Issue 7 acceptance: the CloudStack API and the EC2 API are two views of one model. What a tenant
 * creates through the unmodified AWS SDK (VPC, subnet, groups with CIDR, ICMP and group-pair rules,
 * an ENI in a group, tags) reads the same through signed CloudStack HTTP calls (same CIDR, same
 * rules with {@code ruleid} = the UUID behind {@code sgr-…}, same tags, the ENI as the NIC of a VM);
 * what the tenant then changes through CloudStack (a new rule, a revoked rule, a rename, tags)
 * reads back through EC2; and a second tenant sees none of it on either API. The steps build on
 * each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossApiConsistencyTest {
    private TwoTenants tenants;
    private Ec2Server weft;
    private UserKeys aliceKeys;
    private Ec2Client alice;
    private Ec2Client bob;
    private CloudStackClient aliceCloudStack;
    private CloudStackClient bobCloudStack;

    private String vpcId;
    private Subnet subnet;
    private String webGroupId;
    private String adminGroupId;
    private NetworkInterface eni;
    private UUID vmId;
    /** The Weft UUIDs behind alice's EC2 IDs, as found through CloudStack. */
    private final Map<String, String> uuidByEc2Id = new HashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) {
        tenants = TwoTenants.start(dir);
        weft = tenants.weft();
        aliceKeys = tenants.aliceKeys();
        UserKeys bobKeys = tenants.bobKeys();
        alice = tenants.alice();
        bob = tenants.bob();
        aliceCloudStack = CloudStackClient.of(
                        weft.server.cloudStackUri(), new ApiKeys(aliceKeys.apiKey(), aliceKeys.secretKey()))
                .sendingForms();
        bobCloudStack = aliceCloudStack.as(bobKeys.apiKey(), bobKeys.secretKey());
        createThroughEc2();
    }

    @AfterAll
    void stop() {
        if (tenants != null) {
            tenants.close();
        }
    }

    /** The EC2 ID of a Weft UUID (docs/ec2-mapping.md, IDs). */
    private static String ec2Id(String prefix, String uuid) {
        return prefix + uuid.replace("-", "").substring(0, 17);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<JsonNode> items(JsonNode listResponse, String field) {
        return StreamSupport.stream(listResponse.path(field).spliterator(), false)
                .toList();
    }

    private static Map<String, String> tagsOf(JsonNode cloudStackObject) {
        return items(cloudStackObject, "tags").stream()
                .collect(Collectors.toMap(
                        t -> t.path("key").asText(), t -> t.path("value").asText()));
    }

    private static Map<String, String> tagsOf(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private void createThroughEc2() {
        vpcId = alice.createVpc(r -> r.cidrBlock("10.20.0.0/16")
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.VPC)
                                .tags(tag("Name", "shop"))
                                .build()))
                .vpc()
                .vpcId();
        subnet = alice.createSubnet(r -> r.vpcId(vpcId)
                        .cidrBlock("10.20.1.0/24")
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.SUBNET)
                                .tags(tag("Name", "shop-web"), tag("env", "prod"))
                                .build()))
                .subnet();
        adminGroupId = alice.createSecurityGroup(
                        r -> r.groupName("admin").description("bastions").vpcId(vpcId))
                .groupId();
        webGroupId = alice.createSecurityGroup(
                        r -> r.groupName("web").description("web tier").vpcId(vpcId))
                .groupId();
        alice.authorizeSecurityGroupIngress(r -> r.groupId(webGroupId)
                .ipPermissions(
                        IpPermission.builder()
                                .ipProtocol("tcp")
                                .fromPort(8080)
                                .toPort(8080)
                                .userIdGroupPairs(UserIdGroupPair.builder()
                                        .groupId(adminGroupId)
                                        .build())
                                .build(),
                        IpPermission.builder()
                                .ipProtocol("icmp")
                                .fromPort(8)
                                .toPort(-1)
                                .ipRanges(
                                        IpRange.builder().cidrIp("10.20.0.0/16").build())
                                .build(),
                        IpPermission.builder()
                                .ipProtocol("tcp")
                                .fromPort(22)
                                .toPort(22)
                                .ipRanges(IpRange.builder()
                                        .cidrIp("192.0.2.0/24")
                                        .description("office")
                                        .build())
                                .build()));
        alice.createTags(r -> r.resources(webGroupId).tags(tag("env", "prod")));
        eni = alice.createNetworkInterface(r -> r.subnetId(subnet.subnetId())
                        .groups(webGroupId)
                        .privateIpAddress("10.20.1.10")
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.NETWORK_INTERFACE)
                                .tags(tag("Name", "web-1"))
                                .build()))
                .networkInterface();
    }

    /** A rule as both APIs can state it: direction, protocol, ports (or ICMP type/code), source. */
    record RuleShape(boolean egress, String protocol, String ports, String peer) {}

    private RuleShape shapeOf(SecurityGroupRule rule, Map<String, String> groupNamesById) {
        String protocol = rule.ipProtocol().equals("-1") ? "all" : rule.ipProtocol();
        String ports = protocol.equals("all") ? "" : rule.fromPort() + ":" + rule.toPort();
        String peer = rule.referencedGroupInfo() != null
                ? "group " + groupNamesById.get(rule.referencedGroupInfo().groupId())
                : rule.cidrIpv4();
        return new RuleShape(rule.isEgress(), protocol, ports, peer);
    }

    private static RuleShape shapeOf(JsonNode rule, boolean egress) {
        String protocol = rule.path("protocol").asText();
        String ports;
        if (protocol.equals("all")) {
            ports = "";
        } else if (protocol.startsWith("icmp")) {
            ports = rule.path("icmptype").asInt() + ":" + rule.path("icmpcode").asInt();
        } else {
            ports = rule.path("startport").asInt() + ":" + rule.path("endport").asInt();
        }
        String peer = rule.hasNonNull("securitygroupname")
                ? "group " + rule.path("securitygroupname").asText()
                : rule.path("cidr").asText();
        return new RuleShape(egress, protocol, ports, peer);
    }

    /** The group's rules through EC2, keyed by {@code sgr-} ID. */
    private Map<String, RuleShape> ec2Rules(Ec2Client client, String groupId) {
        Map<String, String> names =
                client.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId))).securityGroups().stream()
                        .collect(Collectors.toMap(SecurityGroup::groupId, SecurityGroup::groupName));
        return client
                .describeSecurityGroupRules(r -> r.filters(filter("group-id", groupId)))
                .securityGroupRules()
                .stream()
                .collect(Collectors.toMap(SecurityGroupRule::securityGroupRuleId, rule -> shapeOf(rule, names)));
    }

    /** The group's rules through CloudStack, keyed by the EC2 ID of each {@code ruleid}. */
    private static Map<String, RuleShape> cloudStackRules(JsonNode group) {
        Map<String, RuleShape> rules = new HashMap<>();
        for (JsonNode rule : items(group, "ingressrule")) {
            rules.put(ec2Id("sgr-", rule.path("ruleid").asText()), shapeOf(rule, false));
        }
        for (JsonNode rule : items(group, "egressrule")) {
            rules.put(ec2Id("sgr-", rule.path("ruleid").asText()), shapeOf(rule, true));
        }
        return rules;
    }

    /** Finds, in a CloudStack list, the object whose UUID is behind an EC2 ID. */
    private JsonNode byEc2Id(List<JsonNode> objects, String prefix, String ec2Id) {
        List<JsonNode> matching = objects.stream()
                .filter(o -> ec2Id(prefix, o.path("id").asText()).equals(ec2Id))
                .toList();
        assertThat(matching).as("%s among %s", ec2Id, objects).hasSize(1);
        uuidByEc2Id.put(ec2Id, matching.get(0).path("id").asText());
        return matching.get(0);
    }

    /**
     * The group behind an EC2 ID as CloudStack shows it. VPC groups stay out of CloudStack's plain
     * listing (a name must find one group), so it is asked for by its id, found through the service.
     */
    private JsonNode cloudStackGroup(CloudStackClient client, String ec2GroupId) {
        String uuid = weft
                .server
                .injector()
                .getInstance(SecurityGroupService.class)
                .list(weft.caller(aliceKeys), GroupQuery.all(), Page.ALL)
                .items()
                .stream()
                .map(group -> group.id().toString())
                .filter(id -> ec2Id("sg-", id).equals(ec2GroupId))
                .findFirst()
                .orElseThrow();
        assertThat(items(client.ok("listSecurityGroups"), "securitygroup"))
                .as("VPC groups in CloudStack's plain listing")
                .noneMatch(group -> group.path("id").asText().equals(uuid));
        return byEc2Id(items(client.ok("listSecurityGroups", "id", uuid), "securitygroup"), "sg-", ec2GroupId);
    }

    private String uuid(String ec2Id) {
        String uuid = uuidByEc2Id.get(ec2Id);
        assertThat(uuid).as("UUID of %s, found in an earlier step", ec2Id).isNotNull();
        return uuid;
    }

    @Test
    @Order(1)
    void subnetReadsThroughCloudStackAsANetworkWithTheSameCidrZoneAndTags() {
        JsonNode network = byEc2Id(items(aliceCloudStack.ok("listNetworks"), "network"), "subnet-", subnet.subnetId());

        assertThat(network.path("cidr").asText()).isEqualTo("10.20.1.0/24").isEqualTo(subnet.cidrBlock());
        assertThat(network.path("name").asText()).isEqualTo("shop-web");
        assertThat(network.path("zoneid").asText()).isEqualTo(subnet.availabilityZoneId());
        assertThat(tagsOf(network)).containsEntry("env", "prod");
        assertThat(tagsOf(subnet.tags())).containsAllEntriesOf(Map.of("env", "prod", "Name", "shop-web"));
    }

    @Test
    @Order(2)
    void securityGroupReadsThroughCloudStackWithTheSameRulesUnderTheSameIds() {
        JsonNode web = cloudStackGroup(aliceCloudStack, webGroupId);
        cloudStackGroup(aliceCloudStack, adminGroupId);

        assertThat(web.path("name").asText()).isEqualTo("web");
        assertThat(web.path("description").asText()).isEqualTo("web tier");
        assertThat(tagsOf(web)).containsEntry("env", "prod");
        Map<String, RuleShape> throughEc2 = ec2Rules(alice, webGroupId);
        assertThat(cloudStackRules(web)).isEqualTo(throughEc2);
        // Not vacuous: three ingress rules as authorized, and EC2's one default egress rule.
        assertThat(throughEc2.values())
                .containsExactlyInAnyOrder(
                        new RuleShape(false, "tcp", "8080:8080", "group admin"),
                        new RuleShape(false, "icmp", "8:-1", "10.20.0.0/16"),
                        new RuleShape(false, "tcp", "22:22", "192.0.2.0/24"),
                        new RuleShape(true, "all", "", "0.0.0.0/0"));
        JsonNode tags = aliceCloudStack.ok("listTags", "resourcetype", "SecurityGroup", "resourceid", uuid(webGroupId));
        assertThat(items(tags, "tag"))
                .extracting(t -> t.path("key").asText() + "=" + t.path("value").asText())
                .containsExactly("env=prod");
    }

    @Test
    @Order(3)
    void interfaceAttachedToAVmReadsThroughCloudStackAsThatVmsNic() {
        Caller caller = weft.caller(aliceKeys);
        NicService nics = weft.server.injector().getInstance(NicService.class);
        NicView nic = nics.list(caller, NicQuery.all(), Page.ALL).items().stream()
                .filter(n -> ec2Id("eni-", n.id().toString()).equals(eni.networkInterfaceId()))
                .findFirst()
                .orElseThrow();
        // CloudStack lists NICs per VM only: the compute side attaches the ENI to one.
        vmId = weft.server
                .injector()
                .getInstance(VirtualMachineService.class)
                .register(caller, NewVirtualMachine.of(nic.zoneId(), "web-1"))
                .value()
                .id();
        nics.attach(caller, nic.id(), vmId, Optional.empty());

        List<JsonNode> listed = items(aliceCloudStack.ok("listNics", "virtualmachineid", vmId.toString()), "nic");

        assertThat(listed).hasSize(1);
        JsonNode cloudStackNic = byEc2Id(listed, "eni-", eni.networkInterfaceId());
        assertThat(cloudStackNic.path("ipaddress").asText())
                .isEqualTo("10.20.1.10")
                .isEqualTo(eni.privateIpAddress());
        assertThat(cloudStackNic.path("macaddress").asText()).isEqualTo(eni.macAddress());
        assertThat(ec2Id("subnet-", cloudStackNic.path("networkid").asText())).isEqualTo(subnet.subnetId());
        assertThat(
                        items(
                                        aliceCloudStack.ok("listSecurityGroups", "virtualmachineid", vmId.toString()),
                                        "securitygroup")
                                .stream()
                                .map(g -> ec2Id("sg-", g.path("id").asText())))
                .containsExactly(webGroupId);
        NetworkInterface seenByEc2 = alice.describeNetworkInterfaces(
                        r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces()
                .get(0);
        assertThat(seenByEc2.attachment().instanceId()).isEqualTo(ec2Id("i-", vmId.toString()));
    }

    @Test
    @Order(4)
    void changesMadeThroughCloudStackReadBackThroughEc2() {
        String webUuid = uuid(webGroupId);
        String subnetUuid = uuid(subnet.subnetId());
        JsonNode authorized = aliceCloudStack.succeededJob(
                "authorizeSecurityGroupIngress",
                Params.of("securitygroupid", webUuid)
                        .and("protocol", "udp")
                        .and("startport", "53")
                        .and("endport", "53")
                        .and("cidrlist", "10.20.0.0/16"));
        String dnsRuleUuid = authorized
                .path("jobresult")
                .path("securitygroup")
                .path("ingressrule")
                .get(0)
                .path("ruleid")
                .asText();
        String sshRuleUuid = items(cloudStackGroup(aliceCloudStack, webGroupId), "ingressrule").stream()
                .filter(rule -> rule.path("startport").asInt() == 22)
                .findFirst()
                .orElseThrow()
                .path("ruleid")
                .asText();
        aliceCloudStack.succeededJob("revokeSecurityGroupIngress", "id", sshRuleUuid);
        aliceCloudStack.ok("updateSecurityGroup", "id", webUuid, "name", "storefront");
        aliceCloudStack.succeededJob(
                "createTags",
                Params.of("resourcetype", "SecurityGroup")
                        .and("resourceids", webUuid)
                        .and("tags[0].key", "owner")
                        .and("tags[0].value", "ops"));
        aliceCloudStack.succeededJob(
                "createTags",
                Params.of("resourcetype", "Network")
                        .and("resourceids", subnetUuid)
                        .and("tags[0].key", "tier")
                        .and("tags[0].value", "frontend"));
        aliceCloudStack.succeededJob(
                "deleteTags", "resourcetype", "Network", "resourceids", subnetUuid, "tags[0].key", "env");

        SecurityGroup web = alice.describeSecurityGroups(r -> r.groupIds(webGroupId))
                .securityGroups()
                .get(0);
        assertThat(web.groupName()).isEqualTo("storefront");
        assertThat(tagsOf(web.tags())).isEqualTo(Map.of("env", "prod", "owner", "ops"));
        assertThat(web.ipPermissions())
                .anySatisfy(p -> {
                    assertThat(p.ipProtocol()).isEqualTo("udp");
                    assertThat(p.fromPort()).isEqualTo(53);
                    assertThat(p.toPort()).isEqualTo(53);
                    assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("10.20.0.0/16");
                })
                .noneSatisfy(p -> assertThat(p.fromPort()).isEqualTo(22));
        Map<String, RuleShape> throughEc2 = ec2Rules(alice, webGroupId);
        assertThat(throughEc2)
                .containsEntry(ec2Id("sgr-", dnsRuleUuid), new RuleShape(false, "udp", "53:53", "10.20.0.0/16"))
                .doesNotContainKey(ec2Id("sgr-", sshRuleUuid))
                .hasSize(4);
        assertThat(cloudStackRules(cloudStackGroup(aliceCloudStack, webGroupId)))
                .isEqualTo(throughEc2);

        Subnet readBack = alice.describeSubnets(r -> r.subnetIds(subnet.subnetId()))
                .subnets()
                .get(0);
        assertThat(tagsOf(readBack.tags())).containsEntry("tier", "frontend").doesNotContainKey("env");
        assertThat(alice.describeTags(r -> r.filters(filter("resource-id", subnet.subnetId())))
                        .tags())
                .extracting(TagDescription::key)
                .contains("tier")
                .doesNotContain("env");
        NetworkInterface readBackEni = alice.describeNetworkInterfaces(
                        r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces()
                .get(0);
        assertThat(readBackEni.groups())
                .extracting(GroupIdentifier::groupId, GroupIdentifier::groupName)
                .containsExactly(tuple(webGroupId, "storefront"));
    }

    @Test
    @Order(5)
    void aSecondTenantSeesNoneOfItOnEitherApi() {
        Set<String> aliceUuids = Set.copyOf(uuidByEc2Id.values());
        assertThat(aliceUuids).hasSizeGreaterThanOrEqualTo(4);

        // EC2: neither in lists nor by ID.
        assertThat(bob.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(vpcId);
        assertThat(bob.describeSubnets().subnets()).isEmpty();
        assertThat(bob.describeSecurityGroups().securityGroups())
                .extracting(SecurityGroup::groupId)
                .doesNotContain(webGroupId, adminGroupId);
        assertThat(bob.describeNetworkInterfaces().networkInterfaces()).isEmpty();
        assertThat(bob.describeSecurityGroupRules(r -> r.maxResults(1000)).securityGroupRules())
                .extracting(SecurityGroupRule::groupId)
                .doesNotContain(webGroupId, adminGroupId);
        assertThat(bob.describeTags().tags())
                .extracting(TagDescription::resourceId)
                .doesNotContain(vpcId, subnet.subnetId(), webGroupId, eni.networkInterfaceId());
        assertEc2Code(() -> bob.describeSecurityGroups(r -> r.groupIds(webGroupId)), "InvalidGroup.NotFound");
        assertEc2Code(() -> bob.describeSubnets(r -> r.subnetIds(subnet.subnetId())), "InvalidSubnetID.NotFound");
        assertEc2Code(
                () -> bob.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound");

        // CloudStack: neither in lists nor by id.
        List<String> seen = new ArrayList<>();
        for (String[] list : new String[][] {
            {"listNetworks", "network"}, {"listSecurityGroups", "securitygroup"}, {"listTags", "tag"}
        }) {
            for (JsonNode item : items(bobCloudStack.ok(list[0]), list[1])) {
                seen.add(item.path("id").asText());
                seen.add(item.path("resourceid").asText());
            }
        }
        assertThat(seen).doesNotContainAnyElementsOf(aliceUuids);
        assertThat(items(bobCloudStack.ok("listNetworks", "id", uuid(subnet.subnetId())), "network"))
                .isEmpty();
        assertThat(items(bobCloudStack.ok("listSecurityGroups", "id", uuid(webGroupId)), "securitygroup"))
                .isEmpty();
        // A VM named as a filter that bob cannot see is CloudStack's 431, as for one that does not exist.
        assertThatThrownBy(() -> bobCloudStack.ok("listNics", "virtualmachineid", vmId.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 431")
                .hasMessageContaining("Unable to find virtual machine");

        // Nor may bob change alice's objects through CloudStack; EC2 shows them unchanged.
        Map<String, RuleShape> before = ec2Rules(alice, webGroupId);
        assertThatThrownBy(() -> bobCloudStack.succeededJob(
                        "authorizeSecurityGroupIngress",
                        Params.of("securitygroupid", uuid(webGroupId))
                                .and("protocol", "tcp")
                                .and("startport", "1")
                                .and("endport", "65535")
                                .and("cidrlist", "0.0.0.0/0")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bobCloudStack.ok("updateSecurityGroup", "id", uuid(webGroupId), "name", "pwned"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ec2Rules(alice, webGroupId)).isEqualTo(before);
        assertThat(alice.describeSecurityGroups(r -> r.groupIds(webGroupId))
                        .securityGroups()
                        .get(0)
                        .groupName())
                .isEqualTo("storefront");
    }

    private static void assertEc2Code(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(
                        e.awsErrorDetails().errorCode())
                .isEqualTo(code));
    }
}
