package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.cloudstack.CloudStackAuthenticator;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** disableAccount, enableAccount and updateAccount through the real HTTP edge, with their effect on keys. */
class AccountStateCommandsTest {
    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static String domainId;
    private static CloudStackClient domainAdmin;

    /** An account with its first user's keys. */
    private record Tenant(String id, String name, CloudStackClient client) {}

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        domainId = admin.ok("createDomain", "name", "lifecycle")
                .get("domain")
                .get("id")
                .asText();
        domainAdmin = tenant("lifecycle-admin", 2, domainId).client();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Tenant tenant(String name, int accountType, String domain) {
        JsonNode account = admin.ok(
                        "createAccount",
                        Params.of("username", name)
                                .and("password", "pw-" + name)
                                .and("email", name + "@example.com")
                                .and("firstname", name)
                                .and("lastname", "Test")
                                .and("accounttype", Integer.toString(accountType))
                                .and("domainid", domain))
                .get("account");
        JsonNode keys = admin.ok(
                        "registerUserKeys",
                        "id",
                        account.get("user").get(0).get("id").asText())
                .get("userkeys");
        return new Tenant(
                account.get("id").asText(),
                name,
                admin.as(keys.get("apikey").asText(), keys.get("secretkey").asText()));
    }

    private static String stateOf(Tenant tenant) {
        return admin.ok("listAccounts", "id", tenant.id())
                .get("account")
                .get(0)
                .get("state")
                .asText();
    }

    @Test
    void aLockedOrDisabledAccountsKeysAre401LikeUnknownKeysUntilItIsEnabled() {
        Tenant dora = tenant("dora", 0, domainId);
        assertThat(dora.client().ok("listZones").size()).isZero();

        // By name and domain, as CloudStack allows; the job answers the account.
        JsonNode locked = domainAdmin
                .jobOk("disableAccount", "account", "dora", "domainid", domainId, "lock", "true")
                .get("account");
        assertThat(locked.get("id").asText()).isEqualTo(dora.id());
        assertThat(locked.get("state").asText()).isEqualTo("locked");
        assertThat(stateOf(dora)).isEqualTo("locked");
        Reply refused = dora.client().call("listZones");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.inner().get("errortext").asText()).isEqualTo(CloudStackAuthenticator.FAILURE_TEXT);
        assertThat(admin.as("no-such-key", "x").call("listZones").body()).isEqualTo(refused.body());

        JsonNode enabled = domainAdmin.ok("enableAccount", "id", dora.id()).get("account");
        assertThat(enabled.get("state").asText()).isEqualTo("enabled");
        assertThat(dora.client().call("listZones").status()).isEqualTo(200);

        JsonNode job = admin.job("disableAccount", "id", dora.id(), "lock", "false");
        assertThat(job.get("jobinstancetype").asText()).isEqualTo("Account");
        assertThat(job.get("jobresult").get("account").get("state").asText()).isEqualTo("disabled");
        assertThat(dora.client().call("listZones").status()).isEqualTo(401);
        admin.ok("enableAccount", "account", "dora", "domainid", domainId);
        assertThat(dora.client().call("listZones").status()).isEqualTo(200);
    }

    @Test
    void onlyRootAndAdminsOfTheAccountsDomainMayDisableEnableOrUpdateIt() {
        Tenant erin = tenant("erin", 0, domainId);
        Tenant outsider = tenant(
                "outsider",
                0,
                admin.ok("listDomains", "name", "ROOT")
                        .get("domain")
                        .get(0)
                        .get("id")
                        .asText());

        // Its own account a user may see but not change: 531; another tenant's it cannot see: 431.
        assertThat(erin.client()
                        .call("updateAccount", "id", erin.id(), "newname", "x")
                        .status())
                .isEqualTo(531);
        assertThat(erin.client().call("enableAccount", "id", erin.id()).status())
                .isEqualTo(531);
        JsonNode ownJob = erin.client().job("disableAccount", "id", erin.id(), "lock", "true");
        assertThat(ownJob.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(ownJob.get("jobresult").get("errorcode").asInt()).isEqualTo(531);
        assertThat(outsider.client().call("enableAccount", "id", erin.id()).status())
                .isEqualTo(431);
        // A domain admin cannot reach outside its domain, nor stop its own account.
        assertThat(domainAdmin.call("enableAccount", "id", outsider.id()).status())
                .isEqualTo(431);
        JsonNode selfJob =
                domainAdmin.job("disableAccount", "account", "lifecycle-admin", "domainid", domainId, "lock", "false");
        assertThat(selfJob.get("jobresult").get("errorcode").asInt()).isEqualTo(531);
        assertThat(stateOf(erin)).isEqualTo("enabled");

        // lock is required, as in CloudStack; so is some way to name the account.
        Reply noLock = admin.call("disableAccount", "id", erin.id());
        assertThat(noLock.status()).isEqualTo(431);
        assertThat(noLock.inner().get("errortext").asText())
                .isEqualTo("Unable to execute API command disableaccount due to missing parameter lock");
        assertThat(admin.call("enableAccount").status()).isEqualTo(431);
    }

    @Test
    void updateAccountRenamesButNotToANameTakenInTheDomain() {
        Tenant frank = tenant("frank", 0, domainId);
        tenant("grace", 0, domainId);

        Reply taken = domainAdmin.call("updateAccount", "id", frank.id(), "newname", "Grace");
        assertThat(taken.status()).isEqualTo(431);
        assertThat(taken.inner().get("errortext").asText()).contains("already exists");
        assertThat(domainAdmin
                        .call("updateAccount", "id", frank.id(), "roleid", frank.id(), "newname", "f")
                        .status())
                .isEqualTo(431);
        assertThat(domainAdmin.call("updateAccount", "id", frank.id()).status()).isEqualTo(431);

        JsonNode renamed = domainAdmin
                .ok("updateAccount", "account", "frank", "domainid", domainId, "newname", "francis")
                .get("account");
        assertThat(renamed.get("id").asText()).isEqualTo(frank.id());
        assertThat(renamed.get("name").asText()).isEqualTo("francis");
        assertThat(admin.ok("listAccounts", "name", "francis")
                        .get("account")
                        .get(0)
                        .get("id")
                        .asText())
                .isEqualTo(frank.id());
        // The account's keys still work under its new name.
        assertThat(frank.client().call("listZones").status()).isEqualTo(200);
    }
}
