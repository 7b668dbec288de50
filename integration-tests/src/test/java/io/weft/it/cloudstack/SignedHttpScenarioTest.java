package io.weft.it.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.testsupport.Steps;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import io.weft.testsupport.cloudstack.SigningVariant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6 acceptance over plain HTTP: the jclouds scenario, signed and sent as each real client
 * does (API-COMPAT §1.2). Values carry {@code *} and {@code ~}, and prefix names are sent together
 * ({@code account}/{@code accounttype}, {@code domain}/{@code domainid}, {@code filter}/{@code
 * filter.1}), so the four signatures differ.
 */
class SignedHttpScenarioTest {
    @TempDir
    static Path dataDir;

    private static RunningWeft weft;

    @BeforeAll
    static void start() {
        weft = RunningWeft.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SigningVariant.class)
    void everyStepSucceedsAndReadsBackAsWritten(SigningVariant variant) {
        Scenario scenario = new Scenario(variant);
        Steps.of("signed as " + variant)
                .step("admin creates a domain and an account, and the tenant signs with its keys", scenario::tenancy)
                .step("admin builds a zone, a pod and a cluster", scenario::topology)
                .step("admin adds two hosts, and lists them back with the filters cmk sends", scenario::hosts)
                .step("tenant creates a network whose display text carries * and ~", scenario::network)
                .step("tenant creates two groups with rules by CIDR, by group pair and for ICMP", scenario::groups)
                .step("admin deploys two VMs for the tenant on chosen hosts", scenario::virtualMachines)
                .step("tenant lists everything back", scenario::listsBack)
                .step("tenant revokes a rule, then everything the scenario made is deleted", scenario::cleanUp);
    }

    /** One run of the scenario, signed as one client does; each step builds on what the one before made. */
    private static final class Scenario {
        private final String tag;
        private final int hostBase;
        private final CloudStackClient admin;
        private final List<String> hosts = new ArrayList<>();
        private CloudStackClient tenant;
        private String domainId;
        private String accountName;
        private JsonNode account;
        private String zoneId;
        private String podId;
        private String clusterId;
        private String networkId;
        private String webId;
        private String dbId;
        private String pairRuleId;
        private JsonNode vm1;
        private JsonNode vm2;

        Scenario(SigningVariant variant) {
            tag = variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
            hostBase = 10 * (variant.ordinal() + 1);
            admin = weft.admin(variant);
        }

        void tenancy() {
            JsonNode domain = admin.ok("createDomain", "name", "acme-" + tag).get("domain");
            domainId = domain.get("id").asText();
            assertThat(domain.get("name").asText()).isEqualTo("acme-" + tag);
            assertThat(domain.get("path").asText()).isEqualTo("ROOT/acme-" + tag);
            assertThat(admin.ok("listDomains", "id", domainId)
                            .get("domain")
                            .get(0)
                            .get("name")
                            .asText())
                    .isEqualTo("acme-" + tag);
            accountName = "alice-" + tag;
            account = admin.ok(
                            "createAccount",
                            Params.of("username", "alice-" + tag)
                                    .and("password", "s3cret*~pass")
                                    .and("email", "alice@example.com")
                                    .and("firstname", "Alice")
                                    .and("lastname", "Doe")
                                    .and("account", accountName)
                                    .and("accounttype", "0")
                                    .and("domainid", domainId))
                    .get("account");
            assertThat(account.get("name").asText()).isEqualTo(accountName);
            assertThat(account.get("accounttype").asInt()).isZero();
            assertThat(account.get("domainid").asText()).isEqualTo(domainId);
            JsonNode user = account.get("user").get(0);
            assertThat(user.get("username").asText()).isEqualTo("alice-" + tag);
            assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
            assertThat(user.get("firstname").asText()).isEqualTo("Alice");
            assertThat(user.get("lastname").asText()).isEqualTo("Doe");
            JsonNode keys =
                    admin.ok("registerUserKeys", "id", user.get("id").asText()).get("userkeys");
            tenant = admin.as(keys.get("apikey").asText(), keys.get("secretkey").asText());
            assertThat(tenant.ok("listAccounts")
                            .get("account")
                            .get(0)
                            .get("user")
                            .get(0)
                            .get("apikey")
                            .asText())
                    .isEqualTo(keys.get("apikey").asText());
        }

        void topology() {
            JsonNode zone = admin.ok(
                            "createZone",
                            Params.of("name", "z-" + tag)
                                    .and("networktype", "Advanced")
                                    .and("dns1", "8.8.8.8")
                                    .and("internaldns1", "10.0.0.2")
                                    .and("securitygroupenabled", "true")
                                    .and("guestcidraddress", "10.0.0.0/8")
                                    .and("domain", "acme-" + tag + ".example")
                                    .and("domainid", domainId))
                    .get("zone");
            zoneId = zone.get("id").asText();
            assertThat(zone.get("name").asText()).isEqualTo("z-" + tag);
            assertThat(zone.get("networktype").asText()).isEqualTo("Advanced");
            assertThat(zone.get("dns1").asText()).isEqualTo("8.8.8.8");
            assertThat(zone.get("internaldns1").asText()).isEqualTo("10.0.0.2");
            assertThat(zone.get("securitygroupsenabled").asBoolean()).isTrue();
            assertThat(zone.get("guestcidraddress").asText()).isEqualTo("10.0.0.0/8");
            JsonNode pod = admin.ok(
                            "createPod",
                            Params.of("name", "p-" + tag)
                                    .and("zoneid", zoneId)
                                    .and("gateway", "192.168.0.1")
                                    .and("netmask", "255.255.255.0")
                                    .and("startip", "192.168.0.10")
                                    .and("endip", "192.168.0.99"))
                    .get("pod");
            podId = pod.get("id").asText();
            assertThat(pod.get("name").asText()).isEqualTo("p-" + tag);
            assertThat(pod.get("zoneid").asText()).isEqualTo(zoneId);
            assertThat(pod.get("gateway").asText()).isEqualTo("192.168.0.1");
            assertThat(pod.get("netmask").asText()).isEqualTo("255.255.255.0");
            // Lists, as CloudStack 4.11+ sends a pod's ranges (jclouds alone gets strings).
            assertThat(pod.get("startip").get(0).asText()).isEqualTo("192.168.0.10");
            assertThat(pod.get("endip").get(0).asText()).isEqualTo("192.168.0.99");
            JsonNode clusterReply = admin.ok(
                    "addCluster",
                    Params.of("zoneid", zoneId)
                            .and("podid", podId)
                            .and("clustername", "c-" + tag)
                            .and("clustertype", "CloudManaged")
                            .and("hypervisor", "KVM"));
            // CloudStack's AddClusterCmd answers a one-element list.
            assertThat(clusterReply.get("count").asInt()).isEqualTo(1);
            JsonNode cluster = clusterReply.get("cluster").get(0);
            clusterId = cluster.get("id").asText();
            assertThat(cluster.get("name").asText()).isEqualTo("c-" + tag);
            assertThat(cluster.get("podid").asText()).isEqualTo(podId);
            assertThat(cluster.get("zoneid").asText()).isEqualTo(zoneId);
            assertThat(cluster.get("clustertype").asText()).isEqualTo("CloudManaged");
            assertThat(cluster.get("hypervisortype").asText()).isEqualTo("KVM");
        }

        void hosts() {
            for (int i = 1; i <= 2; i++) {
                String url = "http://192.168.0." + (hostBase + i);
                JsonNode hostReply = admin.ok(
                        "addHost",
                        Params.of("zoneid", zoneId)
                                .and("podid", podId)
                                .and("clusterid", clusterId)
                                .and("url", url)
                                .and("hypervisor", "KVM")
                                .and("username", "root")
                                .and("password", "pw*~" + i));
                // CloudStack's AddHostCmd answers a one-element list: {"count":1,"host":[{…}]}.
                assertThat(hostReply.get("count").asInt()).isEqualTo(1);
                assertThat(hostReply.get("host").isArray()).isTrue();
                JsonNode host = hostReply.get("host").get(0);
                assertThat(host.get("ipaddress").asText()).isEqualTo(url.substring("http://".length()));
                assertThat(host.get("agentusername").asText()).isNotEmpty();
                assertThat(host.get("agentpassword").asText()).isNotEmpty();
                assertThat(host.get("zoneid").asText()).isEqualTo(zoneId);
                assertThat(host.get("podid").asText()).isEqualTo(podId);
                assertThat(host.get("clusterid").asText()).isEqualTo(clusterId);
                assertThat(host.get("hypervisor").asText()).isEqualTo("KVM");
                assertThat(host.get("type").asText()).isEqualTo("Routing");
                // Up only once the host's agent connects; no agent runs here.
                assertThat(host.get("state").asText()).isEqualTo("Connecting");
                hosts.add(host.get("id").asText());
            }
            JsonNode listedHosts = admin.ok("listHosts", "zoneid", zoneId);
            assertThat(listedHosts.get("count").asInt()).isEqualTo(2);
            assertThat(ids(listedHosts.get("host"))).containsExactlyInAnyOrderElementsOf(hosts);
            assertThat(ids(admin.ok("listClusters", "zoneid", zoneId).get("cluster")))
                    .containsExactly(clusterId);
            assertThat(ids(admin.ok("listPods", "zoneid", zoneId).get("pod"))).containsExactly(podId);
            // cmk forwards "filter"; "filter.1" sorts before it by pair and after it by name.
            assertThat(ids(admin.ok("listZones", "id", zoneId, "filter", "id,name*~", "filter.1", "x")
                            .get("zone")))
                    .containsExactly(zoneId);
        }

        void network() {
            String offering = tenant.ok("listNetworkOfferings")
                    .get("networkoffering")
                    .get(0)
                    .get("id")
                    .asText();
            String displayText = "web *tier* ~" + tag + "~";
            JsonNode network = tenant.ok(
                            "createNetwork",
                            Params.of("name", "web-net")
                                    .and("displaytext", displayText)
                                    .and("zoneid", zoneId)
                                    .and("networkofferingid", offering)
                                    .and("gateway", "10.10.0.1")
                                    .and("netmask", "255.255.255.0"))
                    .get("network");
            networkId = network.get("id").asText();
            assertNetwork(network, displayText, zoneId, offering, accountName, domainId);
            assertNetwork(
                    tenant.ok("listNetworks", "id", networkId).get("network").get(0),
                    displayText,
                    zoneId,
                    offering,
                    accountName,
                    domainId);
        }

        void groups() {
            JsonNode web = tenant.ok("createSecurityGroup", "name", "web", "description", "front *end* ~" + tag)
                    .get("securitygroup");
            webId = web.get("id").asText();
            assertThat(web.get("name").asText()).isEqualTo("web");
            assertThat(web.get("description").asText()).isEqualTo("front *end* ~" + tag);
            assertThat(web.get("account").asText()).isEqualTo(accountName);
            assertThat(web.get("domainid").asText()).isEqualTo(domainId);
            dbId = tenant.ok("createSecurityGroup", "name", "db")
                    .get("securitygroup")
                    .get("id")
                    .asText();
            JsonNode dbRules = tenant.jobOk(
                            "authorizeSecurityGroupIngress",
                            Params.of("securitygroupid", dbId)
                                    .and("protocol", "TCP")
                                    .and("startport", "5432")
                                    .and("endport", "5432")
                                    .and("cidrlist", "10.0.0.0/8,192.168.0.0/16")
                                    .and("usersecuritygrouplist[0].account", accountName)
                                    .and("usersecuritygrouplist[0].group", "web"))
                    .get("securitygroup")
                    .get("ingressrule");
            assertThat(dbRules).hasSize(3);
            List<String> cidrs = new ArrayList<>();
            pairRuleId = null;
            for (JsonNode rule : dbRules) {
                assertThat(rule.get("ruleid").isTextual()).isTrue();
                assertThat(rule.get("protocol").asText()).isEqualToIgnoringCase("tcp");
                assertThat(rule.get("startport").asInt()).isEqualTo(5432);
                assertThat(rule.get("endport").asInt()).isEqualTo(5432);
                if (rule.has("cidr")) {
                    cidrs.add(rule.get("cidr").asText());
                } else {
                    assertThat(rule.get("securitygroupname").asText()).isEqualTo("web");
                    assertThat(rule.get("account").asText()).isEqualTo(accountName);
                    pairRuleId = rule.get("ruleid").asText();
                }
            }
            assertThat(cidrs).containsExactlyInAnyOrder("10.0.0.0/8", "192.168.0.0/16");
            assertThat(pairRuleId).isNotNull();
            JsonNode icmp = tenant.jobOk(
                            "authorizeSecurityGroupIngress",
                            Params.of("securitygroupid", webId)
                                    .and("protocol", "ICMP")
                                    .and("icmptype", "8")
                                    .and("icmpcode", "0")
                                    .and("cidrlist", "0.0.0.0/0"))
                    .get("securitygroup")
                    .get("ingressrule")
                    .get(0);
            assertThat(icmp.get("protocol").asText()).isEqualToIgnoringCase("icmp");
            assertThat(icmp.get("icmptype").asInt()).isEqualTo(8);
            assertThat(icmp.get("icmpcode").asInt()).isZero();
            assertThat(icmp.get("cidr").asText()).isEqualTo("0.0.0.0/0");
        }

        /** Host placement is for root admins (as in CloudStack): the admin deploys for the tenant's account. */
        void virtualMachines() {
            vm1 = admin.jobOk(
                            "deployVirtualMachine",
                            Params.of("account", accountName)
                                    .and("domainid", domainId)
                                    .and("zoneid", zoneId)
                                    .and("serviceofferingid", RunningWeft.SERVICE_OFFERING)
                                    .and("templateid", RunningWeft.TEMPLATE)
                                    .and("networkids", networkId)
                                    .and("ipaddress", "10.10.0.50")
                                    .and("securitygroupids", webId + "," + dbId)
                                    .and("hostid", hosts.get(0))
                                    .and("name", "vm1")
                                    .and("displayname", "vm *one* ~" + tag))
                    .get("virtualmachine");
            assertVm(vm1, "vm1", hosts.get(0), zoneId, networkId, "10.10.0.50", accountName, domainId);
            assertThat(vm1.get("displayname").asText()).isEqualTo("vm *one* ~" + tag);
            assertThat(names(vm1.get("securitygroup"))).containsExactlyInAnyOrder("web", "db");
            vm2 = admin.jobOk(
                            "deployVirtualMachine",
                            Params.of("account", accountName)
                                    .and("domainid", domainId)
                                    .and("zoneid", zoneId)
                                    .and("serviceofferingid", RunningWeft.SERVICE_OFFERING)
                                    .and("templateid", RunningWeft.TEMPLATE)
                                    .and("iptonetworklist[0].networkid", networkId)
                                    .and("iptonetworklist[0].ip", "10.10.0.51")
                                    .and("securitygroupnames", "web")
                                    .and("hostid", hosts.get(1))
                                    .and("name", "vm2"))
                    .get("virtualmachine");
            assertVm(vm2, "vm2", hosts.get(1), zoneId, networkId, "10.10.0.51", accountName, domainId);
            assertThat(names(vm2.get("securitygroup"))).containsExactly("web");
        }

        void listsBack() {
            JsonNode vms = tenant.ok("listVirtualMachines");
            assertThat(vms.get("count").asInt()).isEqualTo(2);
            assertThat(ids(vms.get("virtualmachine")))
                    .containsExactlyInAnyOrder(
                            vm1.get("id").asText(), vm2.get("id").asText());
            assertVm(
                    tenant.ok("listVirtualMachines", "id", vm2.get("id").asText())
                            .get("virtualmachine")
                            .get(0),
                    "vm2",
                    hosts.get(1),
                    zoneId,
                    networkId,
                    "10.10.0.51",
                    accountName,
                    domainId);
            JsonNode nics = tenant.ok(
                            "listNics", "virtualmachineid", vm1.get("id").asText())
                    .get("nic");
            assertThat(nics).hasSize(1);
            assertThat(nics.get(0).get("ipaddress").asText()).isEqualTo("10.10.0.50");
            assertThat(names(tenant.ok("listSecurityGroups").get("securitygroup")))
                    .containsExactlyInAnyOrder("web", "db");
            assertThat(tenant.ok("listSecurityGroups", "securitygroupname", "db")
                            .get("securitygroup")
                            .get(0)
                            .get("ingressrule"))
                    .hasSize(3);
            List<Integer> statuses = new ArrayList<>();
            tenant.ok("listAsyncJobs")
                    .get("asyncjobs")
                    .forEach(job -> statuses.add(job.get("jobstatus").asInt()));
            assertThat(statuses).isNotEmpty().containsOnly(1);
        }

        void cleanUp() {
            tenant.jobOk("revokeSecurityGroupIngress", "id", pairRuleId);
            JsonNode remaining = tenant.ok("listSecurityGroups", "id", dbId)
                    .get("securitygroup")
                    .get(0)
                    .get("ingressrule");
            assertThat(remaining).hasSize(2);
            remaining.forEach(rule -> assertThat(rule.get("cidr").asText()).isIn("10.0.0.0/8", "192.168.0.0/16"));
            tenant.jobOk("destroyVirtualMachine", "id", vm1.get("id").asText());
            tenant.jobOk("destroyVirtualMachine", "id", vm2.get("id").asText());
            assertThat(tenant.ok("listVirtualMachines").size()).isZero();
            // db's rules name web, so db goes first.
            tenant.ok("deleteSecurityGroup", "name", "db");
            tenant.ok("deleteSecurityGroup", "id", webId);
            assertThat(tenant.ok("listSecurityGroups").size()).isZero();
            tenant.jobOk("deleteNetwork", "id", networkId);
            assertThat(tenant.ok("listNetworks").size()).isZero();
            for (String host : hosts) {
                admin.ok("deleteHost", "id", host);
            }
            admin.ok("deleteCluster", "id", clusterId);
            admin.ok("deletePod", "id", podId);
            admin.ok("deleteZone", "id", zoneId);
            assertThat(admin.ok("listZones", "id", zoneId).size()).isZero();
            admin.jobOk("deleteAccount", "id", account.get("id").asText());
            admin.jobOk("deleteDomain", "id", domainId, "cleanup", "true");
            assertThat(admin.ok("listDomains", "name", "acme-" + tag).size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(SigningVariant.class)
    void aValueChangedAfterSigningIsRejectedWith401(SigningVariant variant) {
        CloudStackClient admin = weft.admin(variant);

        CloudStackClient.Reply reply = admin.callTampered("listZones", "keyword", "a*b~c", "a*b~d");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.inner().get("errorcode").asInt()).isEqualTo(401);
        assertThat(admin.call("listZones", "keyword", "a*b~c").status()).isEqualTo(200);
    }

    private static void assertNetwork(
            JsonNode network, String displayText, String zoneId, String offering, String account, String domainId) {
        assertThat(network.get("name").asText()).isEqualTo("web-net");
        assertThat(network.get("displaytext").asText()).isEqualTo(displayText);
        assertThat(network.get("zoneid").asText()).isEqualTo(zoneId);
        assertThat(network.get("networkofferingid").asText()).isEqualTo(offering);
        assertThat(network.get("gateway").asText()).isEqualTo("10.10.0.1");
        assertThat(network.get("netmask").asText()).isEqualTo("255.255.255.0");
        assertThat(network.get("cidr").asText()).isEqualTo("10.10.0.0/24");
        assertThat(network.get("account").asText()).isEqualTo(account);
        assertThat(network.get("domainid").asText()).isEqualTo(domainId);
        assertThat(network.get("service").isArray()).isTrue();
    }

    private static void assertVm(
            JsonNode vm,
            String name,
            String hostId,
            String zoneId,
            String networkId,
            String ip,
            String account,
            String domainId) {
        assertThat(vm.get("name").asText()).isEqualTo(name);
        assertThat(vm.get("hostid").asText()).isEqualTo(hostId);
        assertThat(vm.get("zoneid").asText()).isEqualTo(zoneId);
        assertThat(vm.get("account").asText()).isEqualTo(account);
        assertThat(vm.get("domainid").asText()).isEqualTo(domainId);
        assertThat(vm.get("nic")).hasSize(1);
        JsonNode nic = vm.get("nic").get(0);
        assertThat(nic.get("id").isTextual()).isTrue();
        assertThat(nic.get("networkid").asText()).isEqualTo(networkId);
        assertThat(nic.get("ipaddress").asText()).isEqualTo(ip);
        assertThat(nic.get("isdefault").asBoolean()).isTrue();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
