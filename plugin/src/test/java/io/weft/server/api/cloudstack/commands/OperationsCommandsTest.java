package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.server.dispatch.DispatcherRuntime;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostMessage;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list, user and host commands that Ansible, Libcloud and cs call on their common paths. */
class OperationsCommandsTest {
    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsOfObjectsWeftDoesNotHaveAreEmptyAnswersAsCloudStackGivesThem() {
        for (String command : List.of(
                "listPublicIpAddresses",
                "listPortForwardingRules",
                "listIpForwardingRules",
                "listFirewallRules",
                "listEgressFirewallRules",
                "listLoadBalancerRules",
                "listVPCs",
                "listProjects",
                "listNetworkACLLists",
                "listAffinityGroups",
                "listSSHKeyPairs")) {
            CloudStackClient.Reply reply = admin.call(command, "listall", "true");
            assertThat(reply.status()).as(command).isEqualTo(200);
            // {"listpublicipaddressesresponse":{}}: the envelope with nothing in it.
            assertThat(reply.body().fieldNames().next()).isEqualTo(command.toLowerCase() + "response");
            assertThat(reply.inner().size()).as(command).isZero();
        }
    }

    @Test
    void listRolesAnswersTheBuiltInRolesWithStableIds() {
        JsonNode roles = admin.ok("listRoles");
        assertThat(roles.get("count").asInt()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        roles.get("role")
                .forEach(role -> names.add(
                        role.get("name").asText() + "/" + role.get("type").asText()));
        assertThat(names).containsExactlyInAnyOrder("Root Admin/Admin", "Domain Admin/DomainAdmin", "User/User");

        JsonNode user = admin.ok("listRoles", "type", "User").get("role");
        assertThat(user).hasSize(1);
        String id = user.get(0).get("id").asText();
        assertThat(admin.ok("listRoles", "id", id)
                        .get("role")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("User");
        assertThat(user.get(0).get("isdefault").asBoolean()).isTrue();
    }

    @Test
    void usersAreUpdatedDisabledLockedEnabledAndDeletedAndOnlyEnabledUsersKeysWork() {
        JsonNode account = admin.ok(
                        "createAccount",
                        "username",
                        "jo",
                        "password",
                        "pw-jo",
                        "email",
                        "jo@example.com",
                        "firstname",
                        "Jo",
                        "lastname",
                        "Doe")
                .get("account");
        String user = account.get("user").get(0).get("id").asText();
        JsonNode keys = admin.ok("registerUserKeys", "id", user).get("userkeys");
        CloudStackClient jo =
                admin.as(keys.get("apikey").asText(), keys.get("secretkey").asText());

        JsonNode updated = admin.ok("updateUser", "id", user, "lastname", "Roe", "email", "jo@example.org")
                .get("user");
        assertThat(updated.get("lastname").asText()).isEqualTo("Roe");
        assertThat(updated.get("firstname").asText()).isEqualTo("Jo");
        assertThat(updated.get("email").asText()).isEqualTo("jo@example.org");
        JsonNode listed = admin.ok("listUsers", "id", user).get("user").get(0);
        assertThat(listed.get("lastname").asText()).isEqualTo("Roe");
        assertThat(listed.get("domain").asText()).isEqualTo("ROOT");
        assertThat(listed.get("rolename").asText()).isEqualTo("User");
        assertThat(listed.get("roleid").asText())
                .isEqualTo(admin.ok("listRoles", "type", "User")
                        .get("role")
                        .get(0)
                        .get("id")
                        .asText());
        assertThat(listed.get("usersource").asText()).isEqualTo("native");
        assertThat(jo.call("listZones").status()).isEqualTo(200);

        JsonNode disabled = admin.jobOk("disableUser", "id", user).get("user");
        assertThat(disabled.get("state").asText()).isEqualTo("disabled");
        assertThat(jo.call("listZones").status()).isEqualTo(401);
        assertThat(admin.ok("enableUser", "id", user).get("user").get("state").asText())
                .isEqualTo("enabled");
        assertThat(jo.call("listZones").status()).isEqualTo(200);
        assertThat(admin.ok("lockUser", "id", user).get("user").get("state").asText())
                .isEqualTo("locked");
        CloudStackClient.Reply locked = jo.call("listZones");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.inner().get("errorcode").asInt()).isEqualTo(401);
        admin.ok("enableUser", "id", user);

        assertThat(admin.ok("deleteUser", "id", user).get("success").asText()).isEqualTo("true");
        assertThat(jo.call("listZones").status()).isEqualTo(401);
        assertThat(admin.ok("listUsers", "id", user).size()).isZero();
    }

    @Test
    void hostsAndClustersAreUpdatedAndAHostInMaintenanceTakesNoNewVms() throws Exception {
        String zone = CloudStackTopology.advancedZone(admin, "z-ops", Params.none());
        JsonNode addedCluster = admin.ok(
                "addCluster",
                "zoneid",
                zone,
                "clustername",
                "c-ops",
                "clustertype",
                "CloudManaged",
                "hypervisor",
                "KVM");
        assertThat(addedCluster.get("count").asInt()).isEqualTo(1);
        String cluster = addedCluster.get("cluster").get(0).get("id").asText();
        String host = CloudStackTopology.kvmHost(admin, zone, cluster, "192.168.7.11", Params.none())
                .get("id")
                .asText();

        JsonNode disabled = admin.ok("updateCluster", "id", cluster, "allocationstate", "Disabled")
                .get("cluster");
        assertThat(disabled.get("allocationstate").asText()).isEqualTo("Disabled");
        assertThat(admin.ok("updateCluster", "id", cluster, "allocationstate", "Enabled")
                        .get("cluster")
                        .get("allocationstate")
                        .asText())
                .isEqualTo("Enabled");
        assertThat(admin.ok("updateHost", "id", host, "allocationstate", "Disable")
                        .get("host")
                        .get("resourcestate")
                        .asText())
                .isEqualTo("Disabled");
        assertThat(admin.ok("updateHost", "id", host, "allocationstate", "Enable")
                        .get("host")
                        .get("resourcestate")
                        .asText())
                .isEqualTo("Enabled");

        JsonNode maintenance =
                admin.jobOk("prepareHostForMaintenance", "id", host).get("host");
        assertThat(maintenance.get("resourcestate").asText()).isEqualTo("Maintenance");
        assertThat(admin.ok("listHosts", "id", host)
                        .get("host")
                        .get(0)
                        .get("resourcestate")
                        .asText())
                .isEqualTo("Maintenance");
        String network = admin.ok(
                        "createNetwork",
                        "name",
                        "ops-net",
                        "zoneid",
                        zone,
                        "networkofferingid",
                        admin.ok("listNetworkOfferings")
                                .get("networkoffering")
                                .get(0)
                                .get("id")
                                .asText(),
                        "gateway",
                        "10.77.0.1",
                        "netmask",
                        "255.255.255.0")
                .get("network")
                .get("id")
                .asText();
        CloudStackClient.Reply refused = admin.call(
                "deployVirtualMachine",
                "zoneid",
                zone,
                "serviceofferingid",
                SeededCatalogue.SMALL_INSTANCE.toString(),
                "templateid",
                SeededCatalogue.UBUNTU_TEMPLATE.toString(),
                "networkids",
                network,
                "hostid",
                host);
        assertThat(refused.status()).isEqualTo(431);
        assertThat(refused.inner().get("errortext").asText()).contains("maintenance");
        assertThat(admin.jobOk("cancelHostMaintenance", "id", host)
                        .get("host")
                        .get("resourcestate")
                        .asText())
                .isEqualTo("Enabled");

        // The host's agent reports in, as through the manager inbox: the host is Up.
        assertThat(admin.ok("listHosts", "id", host)
                        .get("host")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("Connecting");
        server.injector()
                .getInstance(DispatcherRuntime.class)
                .onMessage(new Heartbeat(
                        HostMessage.SCHEMA_VERSION, host, Generation.NONE, "", true, DataplaneCounters.empty()));
        for (int i = 0; i < 600 && !hostState(host).equals("Up"); i++) {
            Thread.sleep(50);
        }
        assertThat(hostState(host)).isEqualTo("Up");
    }

    private static String hostState(String host) {
        return admin.ok("listHosts", "id", host).get("host").get(0).get("state").asText();
    }

    @Test
    void wireHygieneBooleansAllProjectsAndTheVanishedEntityText() {
        String zone = CloudStackTopology.advancedZone(admin, "z-wire", Params.none());
        String network = admin.ok(
                        "createNetwork",
                        "name",
                        "wire-net",
                        "zoneid",
                        zone,
                        "networkofferingid",
                        admin.ok("listNetworkOfferings")
                                .get("networkoffering")
                                .get(0)
                                .get("id")
                                .asText(),
                        "gateway",
                        "10.78.0.1",
                        "netmask",
                        "255.255.255.0")
                .get("network")
                .get("id")
                .asText();
        // projectid=-1 means every project; Weft has none, so it lists as if absent.
        assertThat(admin.ok("listNetworks", "projectid", "-1", "id", network)
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        // Libcloud's forced=None is false, as CloudStack's Boolean.valueOf reads it.
        assertThat(admin.jobOk("deleteNetwork", "id", network, "forced", "None")
                        .get("success")
                        .asBoolean())
                .isTrue();

        JsonNode gone = admin.job("deleteNetwork", "id", network);
        assertThat(gone.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(gone.get("jobresult").get("errorcode").asInt()).isEqualTo(431);
        assertThat(gone.get("jobresult").get("errortext").asText())
                .startsWith("Invalid parameter id value=" + network
                        + " due to incorrect long value format, or entity does not exist");
        String group = admin.ok("createSecurityGroup", "name", "wire-sg")
                .get("securitygroup")
                .get("id")
                .asText();
        admin.ok("deleteSecurityGroup", "id", group);
        CloudStackClient.Reply vanished = admin.call("deleteSecurityGroup", "id", group);
        assertThat(vanished.status()).isEqualTo(431);
        assertThat(vanished.inner().get("errorcode").asInt()).isEqualTo(431);
        assertThat(vanished.inner().get("cserrorcode").asInt()).isEqualTo(4350);
        assertThat(vanished.inner().get("errortext").asText())
                .startsWith("Invalid parameter id value=" + group
                        + " due to incorrect long value format, or entity does not exist");
        String rule = java.util.UUID.randomUUID().toString();
        JsonNode revoked = admin.job("revokeSecurityGroupIngress", "id", rule);
        assertThat(revoked.get("jobresult").get("errortext").asText())
                .startsWith("Invalid parameter id value=" + rule
                        + " due to incorrect long value format, or entity does not exist");
    }
}
