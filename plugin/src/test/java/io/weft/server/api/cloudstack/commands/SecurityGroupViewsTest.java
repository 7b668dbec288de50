package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.network.NetworkScopeService;
import io.weft.server.network.NewScope;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.service.Page;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account's EC2 VPC groups (every VPC brings its own {@code default}) stay out of its CloudStack
 * {@code listSecurityGroups}, as CloudStack's security groups are apart from VPCs: clients that look
 * a group up by name in that list (ngine_io's {@code cs_securitygroup}, {@code cs_instance}; Libcloud's
 * {@code ex_delete_security_group}) must find exactly one.
 */
class SecurityGroupViewsTest {
    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static CloudStackClient dora;
    private static Caller doraCaller;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        JsonNode user = admin.ok(
                        "createAccount",
                        "username",
                        "dora",
                        "password",
                        "pw-dora",
                        "email",
                        "dora@example.com",
                        "firstname",
                        "Dora",
                        "lastname",
                        "Test")
                .get("account")
                .get("user")
                .get(0);
        JsonNode keys =
                admin.ok("registerUserKeys", "id", user.get("id").asText()).get("userkeys");
        String apiKey = keys.get("apikey").asText();
        dora = admin.as(apiKey, keys.get("secretkey").asText());
        doraCaller = server.injector()
                .getInstance(ApiKeyDirectory.class)
                .findByApiKey(apiKey)
                .orElseThrow()
                .caller();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        if (list.has("securitygroup")) {
            list.get("securitygroup")
                    .forEach(group -> names.add(group.get("name").asText()));
        }
        return names;
    }

    @Test
    void vpcGroupsStayOutOfTheCloudStackListAndNamesStayUnique() {
        NetworkScopeService scopes = server.injector().getInstance(NetworkScopeService.class);
        scopes.create(doraCaller, NewScope.of("10.0.0.0/16"));
        scopes.create(doraCaller, NewScope.of("10.1.0.0/16"));
        dora.ok("createSecurityGroup", "name", "web");

        JsonNode all = dora.ok("listSecurityGroups");
        assertThat(names(all)).containsExactly("web");
        assertThat(all.get("count").asInt()).isEqualTo(1);
        assertThat(names(dora.ok("listSecurityGroups", "securitygroupname", "default")))
                .isEmpty();
        assertThat(names(admin.ok(
                        "listSecurityGroups",
                        "listall",
                        "true",
                        "account",
                        "dora",
                        "domainid",
                        all.get("securitygroup").get(0).get("domainid").asText())))
                .containsExactly("web");

        assertThat(dora.call("createSecurityGroup", "name", "web").status()).isEqualTo(431);
        assertThat(names(dora.ok("listSecurityGroups"))).containsExactly("web");

        // Asked for by id, a VPC group still reads through the CloudStack API.
        String vpcDefault = server
                .injector()
                .getInstance(SecurityGroupService.class)
                .list(doraCaller, GroupQuery.all(), Page.ALL)
                .items()
                .stream()
                .filter(group -> group.name().equals("default"))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
        assertThat(names(dora.ok("listSecurityGroups", "id", vpcDefault))).containsExactly("default");
    }
}
