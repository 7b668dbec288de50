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
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists scoped to one VM, and migration without a host, through the real HTTP edge. */
class VirtualMachineCommandsTest {
    @TempDir
    static Path dataDir;

    // The offering and template every server starts with.
    private static final String OFFERING = SeededCatalogue.SMALL_INSTANCE.toString();
    private static final String TEMPLATE = SeededCatalogue.UBUNTU_TEMPLATE.toString();

    private static WeftServer server;
    private static CloudStackClient admin;
    private static CloudStackClient ann;
    private static CloudStackClient ben;
    private static String host1;
    private static String host2;
    private static String vmId;
    private static String zone;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        ann = CloudStackSetup.tenant(admin, "ann");
        ben = CloudStackSetup.tenant(admin, "ben");
        zone = CloudStackSetup.advancedZone(admin, "z1");
        String cluster = admin.ok(
                        "addCluster",
                        Params.of("zoneid", zone)
                                .and("clustername", "c1")
                                .and("clustertype", "CloudManaged")
                                .and("hypervisor", "KVM"))
                .get("cluster")
                .get(0)
                .get("id")
                .asText();
        host1 = host(zone, cluster, "192.168.0.11");
        host2 = host(zone, cluster, "192.168.0.12");
        String network = CloudStackSetup.network(ann, "net", zone, "10.10.0.1");
        vmId = deploy("ann", "vm1", network, host1);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String host(String zone, String cluster, String address) {
        return admin.ok(
                        "addHost",
                        Params.of("zoneid", zone)
                                .and("clusterid", cluster)
                                .and("url", "http://" + address)
                                .and("hypervisor", "KVM"))
                .get("host")
                .get(0)
                .get("id")
                .asText();
    }

    @Test
    void listVirtualMachinesFiltersCountsAndPagesAcrossTheWholeAccount() {
        CloudStackClient cleo = CloudStackSetup.tenant(admin, "cleo");
        String netA = CloudStackSetup.network(cleo, "net-a", zone, "10.20.0.1");
        String netB = CloudStackSetup.network(cleo, "net-b", zone, "10.21.0.1");
        String alpha = deploy("cleo", "alpha", netA, host1);
        String beta = deploy("cleo", "beta", netA, host2);
        String gamma = deploy("cleo", "gamma", netB, host1);
        // A stopped VM has no host: beta drops out of a listing by host.
        cleo.jobOk("stopVirtualMachine", "id", beta, "forced", "true");
        String defaultGroup = cleo.ok("listSecurityGroups", "securitygroupname", "default")
                .get("securitygroup")
                .get(0)
                .get("id")
                .asText();

        assertThat(names(cleo, Params.of("zoneid", zone))).containsExactly("alpha", "beta", "gamma");
        assertThat(cleo.ok("listVirtualMachines").get("count").asInt()).isEqualTo(3);
        JsonNode second = cleo.ok("listVirtualMachines", Params.of("page", "2").and("pagesize", "1"));
        assertThat(second.get("count").asInt()).isEqualTo(3);
        assertThat(second.get("virtualmachine").get(0).get("id").asText()).isEqualTo(beta);
        assertThat(names(cleo, Params.of("hostid", host1))).containsExactly("alpha", "gamma");
        assertThat(names(cleo, Params.of("networkid", netB))).containsExactly("gamma");
        assertThat(names(cleo, Params.of("securitygroupid", defaultGroup))).containsExactly("alpha", "beta", "gamma");
        assertThat(names(cleo, Params.of("state", "stopped"))).containsExactly("beta");
        assertThat(names(cleo, Params.of("state", "Running"))).containsExactly("alpha", "gamma");
        assertThat(names(cleo, Params.of("state", "Hibernating"))).isEmpty();
        assertThat(names(cleo, Params.of("keyword", "MM")))
                .as("keyword is a case-insensitive part of the name")
                .containsExactly("gamma");
        assertThat(names(cleo, Params.of("name", "ALPHA"))).containsExactly("alpha");
        assertThat(names(cleo, Params.of("id", alpha))).containsExactly("alpha");
        assertThat(names(cleo, Params.of("id", alpha).and("hostid", host2))).isEmpty();
        assertThat(names(cleo, Params.of("hostid", host2))).isEmpty();
        JsonNode filteredPage = cleo.ok(
                "listVirtualMachines",
                Params.of("hostid", host1).and("page", "2").and("pagesize", "1"));
        assertThat(filteredPage.get("count").asInt())
                .as("count is every match, not the page")
                .isEqualTo(2);
        assertThat(filteredPage.get("virtualmachine").get(0).get("id").asText()).isEqualTo(gamma);
    }

    private static String deploy(String account, String name, String network, String host) {
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                Params.of("account", account)
                        .and("zoneid", zone)
                        .and("serviceofferingid", OFFERING)
                        .and("templateid", TEMPLATE)
                        .and("networkids", network)
                        .and("hostid", host)
                        .and("name", name));
        assertThat(admin.await(deployed.get("jobid").asText()).get("jobstatus").asInt())
                .isEqualTo(1);
        return deployed.get("id").asText();
    }

    private static List<String> names(CloudStackClient client, Params filter) {
        JsonNode listed = client.ok("listVirtualMachines", filter).path("virtualmachine");
        List<String> names = new java.util.ArrayList<>();
        listed.forEach(vm -> names.add(vm.get("name").asText()));
        return names;
    }

    @Test
    void listsScopedToAVmTheCallerCannotSeeAre431RatherThanEmpty() {
        assertThat(ann.ok("listNics", "virtualmachineid", vmId).get("nic")).hasSize(1);
        assertThat(ann.ok("listSecurityGroups", "virtualmachineid", vmId)
                        .get("count")
                        .asInt())
                .isEqualTo(1);

        Reply foreign = ben.call("listNics", "virtualmachineid", vmId);
        assertThat(foreign.status()).isEqualTo(431);
        assertThat(foreign.inner().get("errortext").asText())
                .isEqualTo("Unable to find virtual machine with id " + vmId);
        String unknown = UUID.randomUUID().toString();
        Reply missing = admin.call("listNics", "virtualmachineid", unknown);
        assertThat(missing.status()).isEqualTo(431);
        assertThat(missing.inner().get("errortext").asText())
                .isEqualTo("Unable to find virtual machine with id " + unknown);
        assertThat(ben.call("listSecurityGroups", "virtualmachineid", vmId).status())
                .isEqualTo(431);
        assertThat(admin.call("listHosts", "virtualmachineid", unknown).status())
                .isEqualTo(431);
        String runningOn = admin.ok("listVirtualMachines", "id", vmId)
                .get("virtualmachine")
                .get(0)
                .get("hostid")
                .asText();
        JsonNode hosts = admin.ok("listHosts", "virtualmachineid", vmId);
        assertThat(hosts.get("count").asInt()).isEqualTo(1);
        assertThat(hosts.get("host").get(0).get("id").asText()).isEqualTo(runningOn);
        // Filters by id stay empty answers, which jclouds can parse (API-COMPAT §1.6).
        assertThat(ben.ok("listVirtualMachines", "id", vmId).size()).isZero();
    }

    @Test
    void migratingWithoutAHostPicksAnUpHostOrFailsWithCloudStacksError() throws Exception {
        // No agent has been heard from: no host is Up.
        JsonNode none = admin.job("migrateVirtualMachine", "virtualmachineid", vmId);
        assertThat(none.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(none.get("jobresult").get("errorcode").asInt()).isEqualTo(533);
        assertThat(none.get("jobresult").get("errortext").asText())
                .startsWith("Unable to find a suitable host to migrate VM " + vmId);
        JsonNode refused = admin.job("migrateVirtualMachine", "virtualmachineid", vmId, "autoselect", "false");
        assertThat(refused.get("jobresult").get("errortext").asText())
                .isEqualTo("Unable to execute API command migratevirtualmachine due to missing parameter hostid");

        // host2's agent reports in, as through the manager inbox; the dispatcher records it.
        server.injector()
                .getInstance(DispatcherRuntime.class)
                .onMessage(new Heartbeat(
                        HostMessage.SCHEMA_VERSION, host2, Generation.NONE, "", true, DataplaneCounters.empty()));
        for (int i = 0; i < 600 && !lastPinged(host2); i++) {
            Thread.sleep(50);
        }
        assertThat(lastPinged(host2)).isTrue();

        JsonNode moved = admin.jobOk("migrateVirtualMachine", "virtualmachineid", vmId);
        assertThat(moved.get("virtualmachine").get("hostid").asText()).isEqualTo(host2);
        assertThat(admin.ok("listVirtualMachines", "id", vmId)
                        .get("virtualmachine")
                        .get(0)
                        .get("hostid")
                        .asText())
                .isEqualTo(host2);
    }

    @Test
    void stopStartAndRebootAnswerTheVmAsCloudStacksJobsDo() {
        String network = ann.ok("listNetworks").get("network").get(0).get("id").asText();
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                "account",
                "ann",
                "zoneid",
                admin.ok("listZones").get("zone").get(0).get("id").asText(),
                "serviceofferingid",
                OFFERING,
                "templateid",
                TEMPLATE,
                "networkids",
                network,
                "hostid",
                host1,
                "name",
                "power");
        String power = deployed.get("id").asText();
        admin.await(deployed.get("jobid").asText());

        JsonNode volumes = ann.ok("listVolumes", "virtualmachineid", power, "type", "ROOT");
        assertThat(volumes.get("count").asInt()).isEqualTo(1);
        JsonNode root = volumes.get("volume").get(0);
        assertThat(root.get("type").asText()).isEqualTo("ROOT");
        assertThat(root.get("virtualmachineid").asText()).isEqualTo(power);
        assertThat(root.get("size").isIntegralNumber()).isTrue();
        assertThat(ann.ok("listVolumes", "id", root.get("id").asText())
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(ben.call("listVolumes", "virtualmachineid", power).status()).isEqualTo(431);

        JsonNode stopped =
                ann.jobOk("stopVirtualMachine", "id", power, "forced", "true").get("virtualmachine");
        assertThat(stopped.get("id").asText()).isEqualTo(power);
        assertThat(stopped.get("state").asText()).isEqualTo("Stopped");
        assertThat(stopped.has("hostid")).isFalse();
        assertThat(ann.ok("listVirtualMachines", "id", power)
                        .get("virtualmachine")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("Stopped");
        // Stopping a stopped VM is no error, as in CloudStack.
        assertThat(ann.jobOk("stopVirtualMachine", "id", power)
                        .get("virtualmachine")
                        .get("state")
                        .asText())
                .isEqualTo("Stopped");
        JsonNode refused = ann.job("rebootVirtualMachine", "id", power);
        assertThat(refused.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(refused.get("jobresult").get("errorcode").asInt()).isEqualTo(431);

        // A tenant starts without naming a host; Weft picks an Enabled host of the zone.
        JsonNode started = ann.jobOk("startVirtualMachine", "id", power).get("virtualmachine");
        assertThat(started.get("state").asText()).isEqualTo("Running");
        assertThat(started.get("hostid").asText()).isIn(host1, host2);
        assertThat(ann.jobOk("rebootVirtualMachine", "id", power)
                        .get("virtualmachine")
                        .get("state")
                        .asText())
                .isEqualTo("Running");
        JsonNode job = ann.ok("stopVirtualMachine", "id", power);
        assertThat(admin.await(job.get("jobid").asText()).get("jobinstancetype").asText())
                .isEqualTo("VirtualMachine");
        admin.jobOk("destroyVirtualMachine", "id", power);
    }

    @Test
    void deployRefusesANameThatIsNoHostNameAndCreatesNothing() {
        String network = ann.ok("listNetworks").get("network").get(0).get("id").asText();
        String zone = admin.ok("listZones").get("zone").get(0).get("id").asText();
        int before = ann.ok("listVirtualMachines").path("count").asInt();
        for (String name : List.of("web_1", "1web", "-web", "web-", "web.example", "w\u00e9b", "a".repeat(64))) {
            Reply refused = ann.call(
                    "deployVirtualMachine",
                    Params.of("zoneid", zone)
                            .and("serviceofferingid", OFFERING)
                            .and("templateid", TEMPLATE)
                            .and("networkids", network)
                            .and("name", name));
            assertThat(refused.status()).as(name).isEqualTo(431);
            assertThat(refused.inner().get("errortext").asText()).as(name).startsWith("Invalid name.");
        }
        assertThat(ann.ok("listVirtualMachines").path("count").asInt()).isEqualTo(before);
    }

    @Test
    void updateRenamesAndListsCarryTagsAndTextDeviceIdsAsCloudStacksDo() {
        String network = ann.ok("listNetworks").get("network").get(0).get("id").asText();
        JsonNode deployed = ann.ok(
                "deployVirtualMachine",
                Params.of(
                                "zoneid",
                                admin.ok("listZones")
                                        .get("zone")
                                        .get(0)
                                        .get("id")
                                        .asText())
                        .and("serviceofferingid", OFFERING)
                        .and("templateid", TEMPLATE)
                        .and("networkids", network)
                        .and("name", "described"));
        String vm = deployed.get("id").asText();
        ann.await(deployed.get("jobid").asText());

        JsonNode updated = ann.ok("updateVirtualMachine", "id", vm, "displayname", "Described VM")
                .get("virtualmachine");
        assertThat(updated.get("displayname").asText()).isEqualTo("Described VM");
        assertThat(updated.get("name").asText()).isEqualTo("described");
        ann.ok("updateVirtualMachine", "id", vm, "name", "renamed");
        ann.ok("updateVirtualMachine", "id", vm, "group", "web");
        JsonNode listed =
                ann.ok("listVirtualMachines", "id", vm).get("virtualmachine").get(0);
        assertThat(listed.get("name").asText()).isEqualTo("renamed");
        assertThat(listed.get("displayname").asText()).isEqualTo("Described VM");
        assertThat(listed.get("group").asText()).isEqualTo("web");
        // CloudStack's NicResponse carries deviceid as a string; cloudstack-go decodes it so.
        assertThat(listed.get("nic").get(0).get("deviceid").isTextual()).isTrue();
        assertThat(listed.get("nic").get(0).get("deviceid").asText()).isEqualTo("0");
        assertThat(listed.get("tags")).isEmpty();
        Reply blank = ann.call("updateVirtualMachine", "id", vm, "name", " ");
        assertThat(blank.status()).isEqualTo(431);
        assertThat(ann.ok("listVirtualMachines", "id", vm)
                        .get("virtualmachine")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("renamed");

        ann.jobOk(
                "createTags",
                Params.of("resourceids", vm)
                        .and("resourcetype", "UserVm")
                        .and("tags[0].key", "role")
                        .and("tags[0].value", "web"));
        JsonNode tag = ann.ok("listVirtualMachines", "id", vm)
                .get("virtualmachine")
                .get(0)
                .get("tags")
                .get(0);
        assertThat(tag.get("key").asText()).isEqualTo("role");
        assertThat(tag.get("value").asText()).isEqualTo("web");
        assertThat(tag.get("resourceid").asText()).isEqualTo(vm);
        JsonNode byTag =
                ann.ok("listVirtualMachines", Params.of("tags[0].key", "role").and("tags[0].value", "web"));
        assertThat(byTag.get("count").asInt()).isEqualTo(1);
        assertThat(byTag.get("virtualmachine").get(0).get("id").asText()).isEqualTo(vm);
        assertThat(ann.ok(
                                "listVirtualMachines",
                                Params.of("tags[0].key", "role").and("tags[0].value", "db"))
                        .size())
                .isZero();
        assertThat(ann.ok("updateVirtualMachine", "id", vm, "group", " ")
                        .get("virtualmachine")
                        .has("group"))
                .isFalse();
        ann.jobOk("destroyVirtualMachine", "id", vm);
    }

    @Test
    void changeServiceGivesAStoppedVmAnotherOfferingAndRefusesEverythingElse() {
        String network = ann.ok("listNetworks").get("network").get(0).get("id").asText();
        JsonNode deployed = admin.ok(
                "deployVirtualMachine",
                Params.of("account", "ann")
                        .and(
                                "zoneid",
                                admin.ok("listZones")
                                        .get("zone")
                                        .get(0)
                                        .get("id")
                                        .asText())
                        .and("serviceofferingid", OFFERING)
                        .and("templateid", TEMPLATE)
                        .and("networkids", network)
                        .and("hostid", host1)
                        .and("name", "resized"));
        String vm = deployed.get("id").asText();
        admin.await(deployed.get("jobid").asText());
        String medium = admin.ok(
                        "createServiceOffering",
                        Params.of("name", "Medium")
                                .and("displaytext", "2 vCPU, 2 GiB")
                                .and("cpunumber", "2")
                                .and("cpuspeed", "1000")
                                .and("memory", "2048"))
                .get("serviceoffering")
                .get("id")
                .asText();

        Reply running = ann.call("changeServiceForVirtualMachine", "id", vm, "serviceofferingid", medium);
        assertThat(running.status()).isEqualTo(431);
        assertThat(running.inner().get("errortext").asText()).contains("make sure the virtual machine is stopped");
        ann.jobOk("stopVirtualMachine", "id", vm);

        JsonNode changed = ann.ok("changeServiceForVirtualMachine", "id", vm, "serviceofferingid", medium)
                .get("virtualmachine");
        assertThat(changed.get("id").asText()).isEqualTo(vm);
        assertThat(changed.get("serviceofferingid").asText()).isEqualTo(medium);
        assertThat(changed.get("serviceofferingname").asText()).isEqualTo("Medium");
        assertThat(changed.get("cpunumber").asInt()).isEqualTo(2);
        assertThat(changed.get("memory").asInt()).isEqualTo(2048);
        JsonNode listed =
                ann.ok("listVirtualMachines", "id", vm).get("virtualmachine").get(0);
        assertThat(listed.get("serviceofferingid").asText()).isEqualTo(medium);

        // The offering it has, one that does not exist, another account's VM: refused, nothing changes.
        assertThat(ann.call("changeServiceForVirtualMachine", "id", vm, "serviceofferingid", medium)
                        .status())
                .isEqualTo(431);
        assertThat(ann.call(
                                "changeServiceForVirtualMachine",
                                "id",
                                vm,
                                "serviceofferingid",
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(431);
        assertThat(ben.call("changeServiceForVirtualMachine", "id", vm, "serviceofferingid", OFFERING)
                        .status())
                .isEqualTo(431);
        assertThat(ann.call("changeServiceForVirtualMachine", "id", vm).status())
                .isEqualTo(431);
        assertThat(ann.ok("listVirtualMachines", "id", vm)
                        .get("virtualmachine")
                        .get(0)
                        .get("serviceofferingid")
                        .asText())
                .isEqualTo(medium);

        admin.jobOk("destroyVirtualMachine", "id", vm);
    }

    private static boolean lastPinged(String host) {
        return admin.ok("listHosts", "id", host).get("host").get(0).has("lastpinged");
    }
}
