package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names CloudStack always sends beside the ids, which clients read without checking: the cs
 * scenario's field checks, Terraform's CloudStack provider (which reads back {@code templatename}
 * and {@code serviceofferingname}), and Libcloud's {@code ex_list_network_offerings}, which indexes
 * {@code serviceofferingid}.
 */
class ResponseFieldsTest {
    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static String zone;
    private static String domain;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        zone = CloudStackSetup.advancedZone(admin, "z-fields");
        domain =
                admin.ok("createDomain", "name", "acme").get("domain").get("id").asText();
        admin.ok(
                "createAccount",
                Params.of("account", "carol")
                        .and("username", "carol")
                        .and("password", "pw-carol")
                        .and("email", "carol@example.com")
                        .and("firstname", "Carol")
                        .and("lastname", "Test")
                        .and("domainid", domain));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Params owned(Params params) {
        return params.and("account", "carol").and("domainid", domain);
    }

    private static String network(String name, String gateway) {
        return admin.ok(
                        "createNetwork",
                        owned(Params.of("name", name)
                                .and("zoneid", zone)
                                .and(
                                        "networkofferingid",
                                        NetworkOfferings.ALL.get(0).id().toString())
                                .and("gateway", gateway)
                                .and("netmask", "255.255.255.0")))
                .get("network")
                .get("id")
                .asText();
    }

    @Test
    void networksNameTheirZoneAndDomainAndHaveNoVpcKey() {
        JsonNode created = admin.ok(
                        "createNetwork",
                        owned(Params.of("name", "web")
                                .and("zoneid", zone)
                                .and(
                                        "networkofferingid",
                                        NetworkOfferings.ALL.get(0).id().toString())
                                .and("gateway", "10.30.0.1")
                                .and("netmask", "255.255.255.0")))
                .get("network");
        JsonNode listed = admin.ok("listNetworks", "id", created.get("id").asText(), "listall", "true")
                .get("network")
                .get(0);
        for (JsonNode network : new JsonNode[] {created, listed}) {
            assertThat(network.get("zonename").asText()).isEqualTo("z-fields");
            assertThat(network.get("zoneid").asText()).isEqualTo(zone);
            assertThat(network.get("domain").asText()).isEqualTo("acme");
            assertThat(network.get("domainid").asText()).isEqualTo(domain);
            assertThat(network.has("vpcid")).as("vpcid in %s", network).isFalse();
        }
    }

    @Test
    void securityGroupsNameTheirDomainAndAlwaysCarryBothRuleArrays() {
        JsonNode created = admin.ok("createSecurityGroup", owned(Params.of("name", "bare")))
                .get("securitygroup");
        JsonNode listed = admin.ok("listSecurityGroups", owned(Params.of("securitygroupname", "bare")))
                .get("securitygroup")
                .get(0);
        for (JsonNode group : new JsonNode[] {created, listed}) {
            assertThat(group.get("domain").asText()).isEqualTo("acme");
            assertThat(group.get("domainid").asText()).isEqualTo(domain);
            assertThat(group.get("ingressrule").isArray())
                    .as("ingressrule in %s", group)
                    .isTrue();
            assertThat(group.get("ingressrule")).isEmpty();
            assertThat(group.get("egressrule").isArray())
                    .as("egressrule in %s", group)
                    .isTrue();
            assertThat(group.get("egressrule")).isEmpty();
        }
    }

    @Test
    void virtualMachinesNameZoneDomainTemplateAndOfferingAndDefaultTheirDisplayName() {
        String network = network("app", "10.31.0.1");
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                owned(Params.of("zoneid", zone)
                        .and("serviceofferingid", SeededCatalogue.SMALL_INSTANCE.toString())
                        .and("templateid", SeededCatalogue.UBUNTU_TEMPLATE.toString())
                        .and("networkids", network)
                        .and("name", "vm-fields")));
        JsonNode fromJob =
                admin.await(deployed.get("jobid").asText()).get("jobresult").get("virtualmachine");
        JsonNode listed = admin.ok(
                        "listVirtualMachines", "id", deployed.get("id").asText(), "listall", "true")
                .get("virtualmachine")
                .get(0);
        for (JsonNode vm : new JsonNode[] {fromJob, listed}) {
            assertThat(vm.get("zonename").asText()).isEqualTo("z-fields");
            assertThat(vm.get("domain").asText()).isEqualTo("acme");
            assertThat(vm.get("domainid").asText()).isEqualTo(domain);
            assertThat(vm.get("templateid").asText()).isEqualTo(SeededCatalogue.UBUNTU_TEMPLATE.toString());
            assertThat(vm.get("templatename").asText()).isNotBlank();
            assertThat(vm.get("serviceofferingid").asText()).isEqualTo(SeededCatalogue.SMALL_INSTANCE.toString());
            assertThat(vm.get("serviceofferingname").asText()).isNotBlank();
            assertThat(vm.get("displayname").asText()).isEqualTo("vm-fields");
        }
    }

    /** CloudStack 4.11+ lists a pod's ranges; cloudstack-go's Pod reads []string (see PodResponse). */
    @Test
    void podsListTheirRangesAndNameTheirZone() {
        JsonNode created = admin.ok(
                        "createPod",
                        Params.of("name", "p-fields")
                                .and("zoneid", zone)
                                .and("gateway", "192.168.5.1")
                                .and("netmask", "255.255.255.0")
                                .and("startip", "192.168.5.10")
                                .and("endip", "192.168.5.99"))
                .get("pod");
        String pod = created.get("id").asText();
        JsonNode listed = admin.ok("listPods", "id", pod).get("pod").get(0);
        JsonNode updated = admin.ok(
                        "updatePod",
                        Params.of("id", pod)
                                .and("gateway", "192.168.5.1")
                                .and("netmask", "255.255.255.0")
                                .and("startip", "192.168.5.10")
                                .and("endip", "192.168.5.199"))
                .get("pod");
        for (JsonNode answer : new JsonNode[] {created, listed}) {
            assertThat(answer.get("zonename").asText()).isEqualTo("z-fields");
            assertThat(answer.get("startip")).containsExactly(new TextNode("192.168.5.10"));
            assertThat(answer.get("endip")).containsExactly(new TextNode("192.168.5.99"));
            JsonNode range = answer.get("ipranges").get(0);
            assertThat(range.get("startip").asText()).isEqualTo("192.168.5.10");
            assertThat(range.get("endip").asText()).isEqualTo("192.168.5.99");
            assertThat(range.get("gateway").asText()).isEqualTo("192.168.5.1");
        }
        assertThat(updated.get("endip")).containsExactly(new TextNode("192.168.5.199"));
        admin.ok("deletePod", "id", pod);
    }

    @Test
    void networkOfferingsCarryAServiceOfferingKey() {
        JsonNode offerings = admin.ok("listNetworkOfferings").get("networkoffering");
        assertThat(offerings).isNotEmpty();
        offerings.forEach(offering -> assertThat(offering.has("serviceofferingid"))
                .as("serviceofferingid in %s", offering)
                .isTrue());
    }
}
