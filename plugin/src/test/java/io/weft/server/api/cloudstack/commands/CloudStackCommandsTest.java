package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftServer;
import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.CommandRegistry;
import io.weft.server.api.cloudstack.commands.CloudStackClient.Reply;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
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

    /** Service offerings and templates belong to the IaaS; Weft takes any id. */
    private static final String OPAQUE = "0b6e6f1e-1f0a-4d9e-9e55-3c2f8d8c0a11";

    private static WeftServer server;
    private static CloudStackClient admin;

    @BeforeAll
    static void start() {
        server = CloudStackClient.startServer(dataDir);
        admin = CloudStackClient.admin(server);
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
        // Admin: tenancy.
        JsonNode domain = admin.ok("createDomain", "name", "acme").get("domain");
        assertThat(domain.get("path").asText()).isEqualTo("ROOT/acme");
        JsonNode account = admin.ok(
                        "createAccount",
                        "username",
                        "alice",
                        "password",
                        "s3cret-pass",
                        "email",
                        "alice@example.com",
                        "firstname",
                        "Alice",
                        "lastname",
                        "Doe",
                        "accounttype",
                        "0",
                        "domainid",
                        domain.get("id").asText())
                .get("account");
        assertThat(account.get("user").get(0).get("username").asText()).isEqualTo("alice");
        String userId = account.get("user").get(0).get("id").asText();
        JsonNode keys = admin.ok("registerUserKeys", "id", userId).get("userkeys");
        CloudStackClient alice =
                admin.as(keys.get("apikey").asText(), keys.get("secretkey").asText());
        JsonNode users = alice.ok("listAccounts").get("account");
        assertThat(users.get(0).get("user").get(0).get("apikey").asText())
                .isEqualTo(keys.get("apikey").asText());
        assertThat(admin.ok("getUserKeys", "id", userId)
                        .get("userkeys")
                        .get("secretkey")
                        .asText())
                .isEqualTo(keys.get("secretkey").asText());

        // Admin: topology.
        JsonNode zone = admin.ok(
                        "createZone",
                        "name",
                        "z1",
                        "networktype",
                        "Advanced",
                        "dns1",
                        "8.8.8.8",
                        "internaldns1",
                        "10.0.0.2",
                        "securitygroupenabled",
                        "true")
                .get("zone");
        String zoneId = zone.get("id").asText();
        assertThat(zone.get("networktype").asText()).isEqualTo("Advanced");
        assertThat(admin.call(
                                "createZone",
                                "name",
                                "z1",
                                "networktype",
                                "Advanced",
                                "dns1",
                                "8.8.8.8",
                                "internaldns1",
                                "10.0.0.2")
                        .status())
                .isEqualTo(431);
        String podId = admin.ok(
                        "createPod",
                        "name",
                        "p1",
                        "zoneid",
                        zoneId,
                        "gateway",
                        "192.168.0.1",
                        "netmask",
                        "255.255.255.0",
                        "startip",
                        "192.168.0.10",
                        "endip",
                        "192.168.0.99")
                .get("pod")
                .get("id")
                .asText();
        String clusterId = admin.ok(
                        "addCluster",
                        "zoneid",
                        zoneId,
                        "podid",
                        podId,
                        "clustername",
                        "c1",
                        "clustertype",
                        "CloudManaged",
                        "hypervisor",
                        "KVM")
                .get("cluster")
                .get("id")
                .asText();
        JsonNode added = admin.ok(
                "addHost",
                "zoneid",
                zoneId,
                "podid",
                podId,
                "clusterid",
                clusterId,
                "url",
                "http://192.168.0.11",
                "hypervisor",
                "KVM",
                "username",
                "root",
                "password",
                "x");
        // addHost answers one host object (no count), as jclouds 2.5.0 reads it.
        assertThat(added.has("count")).isFalse();
        assertThat(added.get("host").isObject()).isTrue();
        JsonNode host1 = added.get("host");
        assertThat(host1.get("ipaddress").asText()).isEqualTo("192.168.0.11");
        assertThat(host1.get("clusterid").asText()).isEqualTo(clusterId);
        assertThat(host1.get("agentusername").asText()).isNotEmpty();
        assertThat(host1.get("agentpassword").asText()).isNotEmpty();
        String host2 = admin.ok(
                        "addHost",
                        "zoneid",
                        zoneId,
                        "url",
                        "http://192.168.0.12",
                        "hypervisor",
                        "KVM",
                        "clusterid",
                        clusterId)
                .get("host")
                .get("id")
                .asText();
        JsonNode hosts = admin.ok("listHosts", "zoneid", zoneId);
        assertThat(hosts.get("count").asInt()).isEqualTo(2);
        assertThat(hosts.get("host").get(0).has("agentpassword")).isFalse();
        assertThat(alice.call(
                                "createZone",
                                "name",
                                "z2",
                                "networktype",
                                "Advanced",
                                "dns1",
                                "8.8.8.8",
                                "internaldns1",
                                "10.0.0.2")
                        .status())
                .isEqualTo(531);

        // Tenant: network, groups, rules.
        JsonNode offerings = alice.ok("listNetworkOfferings");
        assertThat(offerings.get("count").asInt()).isEqualTo(3);
        String vxlan = offerings.get("networkoffering").get(0).get("id").asText();
        JsonNode network = alice.ok(
                        "createNetwork",
                        "name",
                        "web-net",
                        "displaytext",
                        "web",
                        "zoneid",
                        zoneId,
                        "networkofferingid",
                        vxlan,
                        "gateway",
                        "10.10.0.1",
                        "netmask",
                        "255.255.255.0")
                .get("network");
        String networkId = network.get("id").asText();
        assertThat(network.get("cidr").asText()).isEqualTo("10.10.0.0/24");
        assertThat(network.get("service").isArray()).isTrue();
        String web = alice.ok("createSecurityGroup", "name", "web", "description", "web tier")
                .get("securitygroup")
                .get("id")
                .asText();
        String db = alice.ok("createSecurityGroup", "name", "db")
                .get("securitygroup")
                .get("id")
                .asText();
        assertThat(alice.call("createSecurityGroup", "name", "web").status()).isEqualTo(431);
        JsonNode authorized = alice.jobOk(
                "authorizeSecurityGroupIngress",
                "securitygroupid",
                db,
                "protocol",
                "TCP",
                "startport",
                "5432",
                "endport",
                "5432",
                "cidrlist",
                "10.0.0.0/8,192.168.0.0/16",
                "usersecuritygrouplist[0].account",
                "alice",
                "usersecuritygrouplist[0].group",
                "web");
        JsonNode rules = authorized.get("securitygroup").get("ingressrule");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0).get("ruleid").isTextual()).isTrue();
        JsonNode duplicate = alice.job(
                "authorizeSecurityGroupIngress",
                "securitygroupid",
                db,
                "protocol",
                "tcp",
                "startport",
                "5432",
                "endport",
                "5432",
                "cidrlist",
                "10.0.0.0/8");
        assertThat(duplicate.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(duplicate.get("jobresult").get("errorcode").asInt()).isEqualTo(431);
        alice.jobOk(
                "authorizeSecurityGroupIngress",
                "securitygroupid",
                web,
                "protocol",
                "ICMP",
                "icmptype",
                "8",
                "icmpcode",
                "0",
                "cidrlist",
                "0.0.0.0/0");

        // VMs: placing on a host (hostid) is for root admins, as in CloudStack; they act for alice.
        String domainId = domain.get("id").asText();
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                "account",
                "alice",
                "domainid",
                domainId,
                "zoneid",
                zoneId,
                "serviceofferingid",
                OPAQUE,
                "templateid",
                OPAQUE,
                "networkids",
                networkId,
                "securitygroupids",
                web + "," + db,
                "hostid",
                host1.get("id").asText(),
                "name",
                "vm1",
                "ipaddress",
                "10.10.0.50");
        assertThat(deployed.get("id").isTextual()).isTrue();
        JsonNode job = admin.await(deployed.get("jobid").asText());
        assertThat(job.get("jobstatus").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("jobinstancetype").asText()).isEqualTo("VirtualMachine");
        JsonNode vm1 = job.get("jobresult").get("virtualmachine");
        assertThat(vm1.get("nic").get(0).get("ipaddress").asText()).isEqualTo("10.10.0.50");
        assertThat(vm1.get("securitygroup")).hasSize(2);
        JsonNode vm2Job = admin.job(
                "deployVirtualMachine",
                "account",
                "alice",
                "domainid",
                domainId,
                "zoneid",
                zoneId,
                "serviceofferingid",
                OPAQUE,
                "templateid",
                OPAQUE,
                "iptonetworklist[0].networkid",
                networkId,
                "iptonetworklist[0].ip",
                "10.10.0.51",
                "securitygroupnames",
                "web",
                "hostid",
                host2,
                "name",
                "vm2");
        assertThat(vm2Job.get("jobstatus").asInt()).as(vm2Job.toString()).isEqualTo(1);
        JsonNode vms = alice.ok("listVirtualMachines");
        assertThat(vms.get("count").asInt()).isEqualTo(2);
        String vm1Id = vm1.get("id").asText();
        assertThat(alice.ok("listNics", "virtualmachineid", vm1Id).get("nic")).hasSize(1);
        assertThat(alice.ok("listSecurityGroups", "securitygroupname", "db")
                        .get("securitygroup")
                        .get(0)
                        .get("ingressrule"))
                .hasSize(3);

        // The group in use cannot go; nothing changed.
        Reply inUse = alice.call("deleteSecurityGroup", "id", web);
        assertThat(inUse.status()).isEqualTo(536);
        assertThat(alice.ok("listSecurityGroups", "id", web).get("count").asInt())
                .isEqualTo(1);

        // Tags.
        alice.jobOk(
                "createTags",
                "resourcetype",
                "Network",
                "resourceids",
                networkId,
                "tags[0].key",
                "tier",
                "tags[0].value",
                "web");
        JsonNode tagged = alice.ok("listNetworks", "tags[0].key", "tier", "tags[0].value", "web");
        assertThat(tagged.get("network").get(0).get("tags").get(0).get("key").asText())
                .isEqualTo("tier");
        assertThat(alice.ok("listNetworks", "tags[0].key", "tier", "tags[0].value", "db")
                        .size())
                .isZero();

        // Another tenant sees none of it and touches none of it.
        JsonNode bob = admin.ok(
                        "createAccount",
                        "username",
                        "bob",
                        "password",
                        "pw-bob-123",
                        "email",
                        "bob@example.com",
                        "firstname",
                        "Bob",
                        "lastname",
                        "Roe")
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

        // Revoke a rule, then delete what the scenario made.
        alice.jobOk(
                "revokeSecurityGroupIngress", "id", rules.get(0).get("ruleid").asText());
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
