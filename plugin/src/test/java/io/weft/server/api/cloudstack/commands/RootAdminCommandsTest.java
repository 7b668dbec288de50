package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root admin's commands called by a user or a domain admin are answered as CloudStack's API checker
 * answers them: 432, "does not exist or it is not available for user", before any parameter is read,
 * nothing changed, and left out of the caller's listApis.
 */
class RootAdminCommandsTest {
    private static final List<String> ROOT_ONLY = List.of(
            "createZone",
            "updateZone",
            "deleteZone",
            "createPod",
            "listPods",
            "updatePod",
            "deletePod",
            "addCluster",
            "listClusters",
            "updateCluster",
            "deleteCluster",
            "addHost",
            "listHosts",
            "updateHost",
            "deleteHost",
            "prepareHostForMaintenance",
            "cancelHostMaintenance",
            "createServiceOffering",
            "updateServiceOffering",
            "deleteServiceOffering",
            "listConfigurations",
            "migrateVirtualMachine");

    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static CloudStackClient user;
    private static CloudStackClient domainAdmin;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        user = CloudStackSetup.tenant(admin, "ursula");
        domainAdmin = admin.as(CloudStackTenants.create(admin, "dora", Params.of("accounttype", "2")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRootAdminCommandIsUnavailableToUsersAndDomainAdminsWhateverTheParameters() {
        List<String> answers = new ArrayList<>();
        for (CloudStackClient caller : List.of(user, domainAdmin)) {
            for (String command : ROOT_ONLY) {
                // No parameters at all: CloudStack checks the command before its required parameters.
                Reply reply = caller.call(command);
                answers.add(command + " " + reply.status() + " "
                        + reply.inner().path("cserrorcode").asInt());
                assertThat(reply.inner().get("errortext").asText())
                        .isEqualTo("The given command:" + command + " does not exist or it is not available for user");
            }
        }
        assertThat(answers).allMatch(answer -> answer.endsWith(" 432 9999"), "432 with cserrorcode 9999");
    }

    @Test
    void aWellFormedRootAdminCallByADomainAdminChangesNothing() {
        int zonesBefore = admin.ok("listZones").path("count").asInt();
        Reply refused = domainAdmin.call(
                "createZone",
                Params.of("name", "not-mine")
                        .and("networktype", "Advanced")
                        .and("dns1", "8.8.8.8")
                        .and("internaldns1", "10.0.0.2"));
        assertThat(refused.status()).isEqualTo(432);
        assertThat(admin.ok("listZones").path("count").asInt()).isEqualTo(zonesBefore);
    }

    @Test
    void listApisShowsOnlyWhatTheCallerMayRun() {
        assertThat(apiNames(admin)).contains("createZone", "listHosts", "listZones");
        for (CloudStackClient caller : List.of(user, domainAdmin)) {
            assertThat(apiNames(caller)).contains("listZones").doesNotContainAnyElementsOf(ROOT_ONLY);
        }
    }

    private static List<String> apiNames(CloudStackClient caller) {
        List<String> names = new ArrayList<>();
        caller.ok("listApis")
                .get("api")
                .forEach(api -> names.add(api.get("name").asText()));
        return names;
    }
}
