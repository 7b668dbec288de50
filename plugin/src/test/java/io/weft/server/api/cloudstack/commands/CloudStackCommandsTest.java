package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CommandRegistry;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.Steps;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command family through the real HTTP edge of an in-JVM server (H2, embedded broker). */
class CloudStackCommandsTest {
    @TempDir
    static Path dataDir;

    // The offering and template every server starts with.
    private static final String OFFERING = SeededCatalogue.SMALL_INSTANCE.toString();
    private static final String TEMPLATE = SeededCatalogue.UBUNTU_TEMPLATE.toString();

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
    void everyRegisteredCommandIsInTheCatalogueWithTheSameExecution() {
        CloudStackCatalogue catalogue = CloudStackCatalogue.load();
        for (CloudStackCommand command :
                server.injector().getInstance(CommandRegistry.class).commands()) {
            CommandSpec spec = catalogue.command(command.name()).orElseThrow();
            assertThat(spec.async()).as(command.name()).isEqualTo(command.async());
        }
    }

    @Test
    void listApisCarriesEveryKeyCloudMonkeyReads() {
        JsonNode body = admin.ok("listApis", "listall", "true");
        Set<String> registered = server.injector().getInstance(CommandRegistry.class).commands().stream()
                .map(CloudStackCommand::name)
                .collect(Collectors.toSet());
        assertThat(body.get("count").asInt()).isEqualTo(registered.size());
        CloudStackCatalogue catalogue = CloudStackCatalogue.load();
        for (JsonNode api : body.get("api")) {
            assertThat(api.get("name").isTextual()).isTrue();
            assertThat(api.get("isasync").isBoolean()).isTrue();
            assertThat(api.get("description").isTextual()).isTrue();
            assertThat(api.get("response").isArray()).isTrue();
            CommandSpec spec = catalogue.command(api.get("name").asText()).orElseThrow();
            assertThat(api.get("isasync").asBoolean()).isEqualTo(spec.async());
            assertThat(api.get("params").size()).isEqualTo(spec.params().size());
            for (JsonNode param : api.get("params")) {
                assertThat(param.get("name").isTextual()).isTrue();
                assertThat(param.get("type").isTextual()).isTrue();
                assertThat(param.get("required").isBoolean()).isTrue();
                assertThat(param.get("description").isTextual()).isTrue();
            }
        }
        assertThat(admin.ok("listApis", "name", "createZone")
                        .get("api")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("createZone");
    }

    @Test
    void missingAndMalformedParametersAre431WithCloudStacksText() {
        Reply missing =
                admin.call("createZone", "networktype", "Advanced", "dns1", "8.8.8.8", "internaldns1", "8.8.8.8");
        assertThat(missing.status()).isEqualTo(431);
        assertThat(missing.body().get("createzoneresponse").get("errorcode").asInt())
                .isEqualTo(431);
        assertThat(missing.body().get("createzoneresponse").get("errortext").asText())
                .isEqualTo("Unable to execute API command createzone due to missing parameter name");

        Reply malformed = admin.call("listZones", "id", "not-a-uuid");
        assertThat(malformed.status()).isEqualTo(431);
        assertThat(malformed.body().get("listzonesresponse").get("cserrorcode").asInt())
                .isEqualTo(4350);
        assertThat(admin.ok("listZones", "keyword", "no-such-zone-anywhere").size())
                .isZero();
    }

    @Test
    void pagingFollowsCloudStacksRules() {
        assertThat(admin.call("listDomains", "page", "1").status()).isEqualTo(431);
        JsonNode all = admin.ok("listDomains", "pagesize", "-1");
        assertThat(all.get("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(admin.call("listDomains", "page", "1", "pagesize", "-1").status())
                .isEqualTo(431);
    }

    @Test
    void tenantScenarioFromDomainToVirtualMachines() {
        Scenario scenario = new Scenario();
        Steps.of("tenant scenario from domain to virtual machines")
                .step("admin creates a domain and alice's account; alice signs with her keys", scenario::tenancy)
                .step("admin builds a zone, pod, cluster and two hosts; alice may not", scenario::topology)
                .step("alice creates a network, two groups and their rules", scenario::networkAndGroups)
                .step("admin places two VMs for alice on chosen hosts", scenario::virtualMachines)
                .step("a group in use cannot be deleted", scenario::groupInUse)
                .step("alice tags her network and filters by tag", scenario::tags)
                .step("bob sees none of it and touches none of it", scenario::anotherTenant)
                .step("alice revokes a rule, then everything the scenario made is deleted", scenario::cleanUp);
    }

    /** One run of the scenario; each step builds on what the one before made. */
    private static final class Scenario {
        private JsonNode domain;
        private JsonNode account;
        private CloudStackClient alice;
        private String zoneId;
        private JsonNode host1;
        private String host2;
        private String networkId;
        private String web;
        private String db;
        private JsonNode rules;
        private String vm1Id;
        private JsonNode vm2Job;

        void tenancy() {
            // Admin: tenancy.
            domain = admin.ok("createDomain", "name", "acme").get("domain");
            assertThat(domain.get("path").asText()).isEqualTo("ROOT/acme");
            account = admin.ok(
                            "createAccount",
                            Params.of("username", "alice")
                                    .and("password", "s3cret-pass")
                                    .and("email", "alice@example.com")
                                    .and("firstname", "Alice")
                                    .and("lastname", "Doe")
                                    .and("accounttype", "0")
                                    .and("domainid", domain.get("id").asText()))
                    .get("account");
            assertThat(account.get("user").get(0).get("username").asText()).isEqualTo("alice");
            String userId = account.get("user").get(0).get("id").asText();
            JsonNode keys = admin.ok("registerUserKeys", "id", userId).get("userkeys");
            alice = admin.as(keys.get("apikey").asText(), keys.get("secretkey").asText());
            JsonNode users = alice.ok("listAccounts").get("account");
            assertThat(users.get(0).get("user").get(0).get("apikey").asText())
                    .isEqualTo(keys.get("apikey").asText());
            assertThat(admin.ok("getUserKeys", "id", userId)
                            .get("userkeys")
                            .get("secretkey")
                            .asText())
                    .isEqualTo(keys.get("secretkey").asText());
        }

        /** Admin: topology. */
        void topology() {
            JsonNode zone = admin.ok(
                            "createZone",
                            Params.of("name", "z1")
                                    .and("networktype", "Advanced")
                                    .and("dns1", "8.8.8.8")
                                    .and("internaldns1", "10.0.0.2")
                                    .and("securitygroupenabled", "true"))
                    .get("zone");
            zoneId = zone.get("id").asText();
            assertThat(zone.get("networktype").asText()).isEqualTo("Advanced");
            assertThat(admin.call(
                                    "createZone",
                                    Params.of("name", "z1")
                                            .and("networktype", "Advanced")
                                            .and("dns1", "8.8.8.8")
                                            .and("internaldns1", "10.0.0.2"))
                            .status())
                    .isEqualTo(431);
            String podId = CloudStackTopology.pod(admin, zoneId, "p1", Params.none());
            String clusterId = CloudStackTopology.kvmCluster(admin, zoneId, "c1", Params.of("podid", podId));
            JsonNode added = admin.ok(
                    "addHost",
                    Params.of("zoneid", zoneId)
                            .and("podid", podId)
                            .and("clusterid", clusterId)
                            .and("url", "http://192.168.0.11")
                            .and("hypervisor", "KVM")
                            .and("username", "root")
                            .and("password", "x"));
            // addHost answers CloudStack's one-element list, {"count":1,"host":[{…}]}.
            assertThat(added.get("count").asInt()).isEqualTo(1);
            assertThat(added.get("host").isArray()).isTrue();
            assertThat(added.get("host")).hasSize(1);
            host1 = added.get("host").get(0);
            assertThat(host1.get("ipaddress").asText()).isEqualTo("192.168.0.11");
            assertThat(host1.get("clusterid").asText()).isEqualTo(clusterId);
            assertThat(host1.get("agentusername").asText()).isNotEmpty();
            assertThat(host1.get("agentpassword").asText()).isNotEmpty();
            host2 = CloudStackTopology.kvmHost(admin, zoneId, clusterId, "192.168.0.12", Params.none())
                    .get("id")
                    .asText();
            JsonNode hosts = admin.ok("listHosts", "zoneid", zoneId);
            assertThat(hosts.get("count").asInt()).isEqualTo(2);
            assertThat(hosts.get("host").get(0).has("agentpassword")).isFalse();
            assertThat(alice.call(
                                    "createZone",
                                    Params.of("name", "z2")
                                            .and("networktype", "Advanced")
                                            .and("dns1", "8.8.8.8")
                                            .and("internaldns1", "10.0.0.2"))
                            .status())
                    .isEqualTo(432);
        }

        /** Tenant: network, groups, rules. */
        void networkAndGroups() {
            JsonNode offerings = alice.ok("listNetworkOfferings");
            assertThat(offerings.get("count").asInt()).isEqualTo(3);
            String vxlan = offerings.get("networkoffering").get(0).get("id").asText();
            JsonNode network = alice.ok(
                            "createNetwork",
                            Params.of("name", "web-net")
                                    .and("displaytext", "web")
                                    .and("zoneid", zoneId)
                                    .and("networkofferingid", vxlan)
                                    .and("gateway", "10.10.0.1")
                                    .and("netmask", "255.255.255.0"))
                    .get("network");
            networkId = network.get("id").asText();
            assertThat(network.get("cidr").asText()).isEqualTo("10.10.0.0/24");
            assertThat(network.get("service").isArray()).isTrue();
            web = alice.ok("createSecurityGroup", "name", "web", "description", "web tier")
                    .get("securitygroup")
                    .get("id")
                    .asText();
            db = alice.ok("createSecurityGroup", "name", "db")
                    .get("securitygroup")
                    .get("id")
                    .asText();
            assertThat(alice.call("createSecurityGroup", "name", "web").status())
                    .isEqualTo(431);
            JsonNode authorized = alice.jobOk(
                    "authorizeSecurityGroupIngress",
                    Params.of("securitygroupid", db)
                            .and("protocol", "TCP")
                            .and("startport", "5432")
                            .and("endport", "5432")
                            .and("cidrlist", "10.0.0.0/8,192.168.0.0/16")
                            .and("usersecuritygrouplist[0].account", "alice")
                            .and("usersecuritygrouplist[0].group", "web"));
            rules = authorized.get("securitygroup").get("ingressrule");
            assertThat(rules).hasSize(3);
            assertThat(rules.get(0).get("ruleid").isTextual()).isTrue();
            JsonNode duplicate = alice.job(
                    "authorizeSecurityGroupIngress",
                    Params.of("securitygroupid", db)
                            .and("protocol", "tcp")
                            .and("startport", "5432")
                            .and("endport", "5432")
                            .and("cidrlist", "10.0.0.0/8"));
            assertThat(duplicate.get("jobstatus").asInt()).isEqualTo(2);
            assertThat(duplicate.get("jobresult").get("errorcode").asInt()).isEqualTo(431);
            alice.jobOk(
                    "authorizeSecurityGroupIngress",
                    Params.of("securitygroupid", web)
                            .and("protocol", "ICMP")
                            .and("icmptype", "8")
                            .and("icmpcode", "0")
                            .and("cidrlist", "0.0.0.0/0"));
        }

        /** VMs: placing on a host (hostid) is for root admins, as in CloudStack; they act for alice. */
        void virtualMachines() {
            String domainId = domain.get("id").asText();
            JsonNode deployed = admin.ok(
                    "deployVirtualMachine",
                    Params.of("account", "alice")
                            .and("domainid", domainId)
                            .and("zoneid", zoneId)
                            .and("serviceofferingid", OFFERING)
                            .and("templateid", TEMPLATE)
                            .and("networkids", networkId)
                            .and("securitygroupids", web + "," + db)
                            .and("hostid", host1.get("id").asText())
                            .and("name", "vm1")
                            .and("ipaddress", "10.10.0.50"));
            assertThat(deployed.get("id").isTextual()).isTrue();
            JsonNode job = admin.await(deployed.get("jobid").asText());
            assertThat(job.get("jobstatus").asInt()).as(job.toString()).isEqualTo(1);
            assertThat(job.get("jobinstancetype").asText()).isEqualTo("VirtualMachine");
            JsonNode vm1 = job.get("jobresult").get("virtualmachine");
            assertThat(vm1.get("nic").get(0).get("ipaddress").asText()).isEqualTo("10.10.0.50");
            assertThat(vm1.get("securitygroup")).hasSize(2);
            vm2Job = admin.job(
                    "deployVirtualMachine",
                    Params.of("account", "alice")
                            .and("domainid", domainId)
                            .and("zoneid", zoneId)
                            .and("serviceofferingid", OFFERING)
                            .and("templateid", TEMPLATE)
                            .and("iptonetworklist[0].networkid", networkId)
                            .and("iptonetworklist[0].ip", "10.10.0.51")
                            .and("securitygroupnames", "web")
                            .and("hostid", host2)
                            .and("name", "vm2"));
            assertThat(vm2Job.get("jobstatus").asInt()).as(vm2Job.toString()).isEqualTo(1);
            JsonNode vms = alice.ok("listVirtualMachines");
            assertThat(vms.get("count").asInt()).isEqualTo(2);
            vm1Id = vm1.get("id").asText();
            assertThat(alice.ok("listNics", "virtualmachineid", vm1Id).get("nic"))
                    .hasSize(1);
            assertThat(alice.ok("listSecurityGroups", "securitygroupname", "db")
                            .get("securitygroup")
                            .get(0)
                            .get("ingressrule"))
                    .hasSize(3);
        }

        /** The group in use cannot go; nothing changed. */
        void groupInUse() {
            Reply inUse = alice.call("deleteSecurityGroup", "id", web);
            assertThat(inUse.status()).isEqualTo(536);
            assertThat(alice.ok("listSecurityGroups", "id", web).get("count").asInt())
                    .isEqualTo(1);
        }

        /** Tags. */
        void tags() {
            alice.jobOk(
                    "createTags",
                    Params.of("resourcetype", "Network")
                            .and("resourceids", networkId)
                            .and("tags[0].key", "tier")
                            .and("tags[0].value", "web"));
            JsonNode tagged = alice.ok("listNetworks", "tags[0].key", "tier", "tags[0].value", "web");
            assertThat(tagged.get("network")
                            .get(0)
                            .get("tags")
                            .get(0)
                            .get("key")
                            .asText())
                    .isEqualTo("tier");
            assertThat(alice.ok("listNetworks", "tags[0].key", "tier", "tags[0].value", "db")
                            .size())
                    .isZero();
        }

        /** Another tenant sees none of it and touches none of it. */
        void anotherTenant() {
            JsonNode bob = admin.ok(
                            "createAccount",
                            Params.of("username", "bob")
                                    .and("password", "pw-bob-123")
                                    .and("email", "bob@example.com")
                                    .and("firstname", "Bob")
                                    .and("lastname", "Roe"))
                    .get("account");
            JsonNode bobKeys = admin.ok(
                            "registerUserKeys",
                            "id",
                            bob.get("user").get(0).get("id").asText())
                    .get("userkeys");
            CloudStackClient bobClient = admin.as(
                    bobKeys.get("apikey").asText(), bobKeys.get("secretkey").asText());
            assertThat(bobClient.ok("listNetworks").size()).isZero();
            assertThat(bobClient.ok("listVirtualMachines").size()).isZero();
            Reply foreign = bobClient.call("deleteSecurityGroup", "id", db);
            assertThat(foreign.status()).isEqualTo(431);
            JsonNode foreignJob = bobClient.job("deleteNetwork", "id", networkId);
            assertThat(foreignJob.get("jobstatus").asInt()).isEqualTo(2);
            assertThat(alice.ok("listNetworks", "id", networkId).get("count").asInt())
                    .isEqualTo(1);
        }

        /** Revoke a rule, then delete what the scenario made. */
        void cleanUp() {
            alice.jobOk(
                    "revokeSecurityGroupIngress",
                    "id",
                    rules.get(0).get("ruleid").asText());
            assertThat(alice.ok("listSecurityGroups", "id", db)
                            .get("securitygroup")
                            .get(0)
                            .get("ingressrule"))
                    .hasSize(2);
            admin.jobOk("migrateVirtualMachine", "virtualmachineid", vm1Id, "hostid", host2);
            alice.jobOk("destroyVirtualMachine", "id", vm1Id);
            alice.jobOk(
                    "destroyVirtualMachine",
                    "id",
                    vm2Job.get("jobresult").get("virtualmachine").get("id").asText());
            // db's rules name web, so db goes first.
            alice.ok("deleteSecurityGroup", "name", "db");
            alice.ok("deleteSecurityGroup", "id", web);
            alice.jobOk("deleteNetwork", "id", networkId);
            JsonNode jobs = alice.ok("listAsyncJobs");
            assertThat(jobs.get("asyncjobs").size()).isGreaterThan(5);
            List<String> statuses = new ArrayList<>();
            jobs.get("asyncjobs").forEach(j -> statuses.add(j.get("jobstatus").asText()));
            assertThat(statuses).doesNotContain("0");
            admin.jobOk("deleteAccount", "id", account.get("id").asText());
            admin.jobOk("deleteDomain", "id", domain.get("id").asText(), "cleanup", "true");
        }
    }
}
