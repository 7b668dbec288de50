package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.OsTypes;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service offerings, templates and the fixed lookups, through the real HTTP edge. */
class CatalogueCommandsTest {
    private static final String NOT_FOUND_TEXT =
            " due to incorrect long value format, or entity does not exist or due to incorrect"
                    + " parameter annotation for the field in api cmd class.";

    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static CloudStackClient admin;
    private static CloudStackClient ann;
    private static CloudStackClient ben;
    private static String zone;
    private static String annNetwork;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        ann = CloudStackSetup.tenant(admin, "ann");
        ben = CloudStackSetup.tenant(admin, "ben");
        zone = CloudStackSetup.advancedZone(admin, "z1");
        annNetwork = CloudStackSetup.network(ann, "net", zone, "10.20.0.1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> names(JsonNode list, String key) {
        List<String> names = new ArrayList<>();
        list.path(key).forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String register(CloudStackClient client, String name, String... more) {
        List<String> params = new ArrayList<>(List.of(
                "name",
                name,
                "displaytext",
                name + " text",
                "format",
                "QCOW2",
                "hypervisor",
                "KVM",
                "url",
                "http://images.example/" + name + ".qcow2",
                "ostypeid",
                OsTypes.UBUNTU_22_04.toString(),
                "zoneid",
                zone));
        params.addAll(List.of(more));
        JsonNode registered = client.ok("registerTemplate", params.toArray(String[]::new));
        assertThat(registered.get("count").asInt()).isEqualTo(1);
        return registered.get("template").get(0).get("id").asText();
    }

    private static void assertNotFound(Reply reply, String parameter, String id) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(431);
        assertThat(reply.inner().get("errorcode").asInt()).isEqualTo(431);
        assertThat(reply.inner().get("cserrorcode").asInt()).isEqualTo(4350);
        assertThat(reply.inner().get("errortext").asText())
                .isEqualTo("Invalid parameter " + parameter + " value=" + id + NOT_FOUND_TEXT);
    }

    @Test
    void aFreshServerOffersCloudStacksDefaultsToEveryAccount() {
        JsonNode offerings = ben.ok("listServiceOfferings");
        assertThat(offerings.get("count").asInt()).isEqualTo(2);
        JsonNode small = offerings.get("serviceoffering").get(0);
        assertThat(small.get("id").asText()).isEqualTo(SeededCatalogue.SMALL_INSTANCE.toString());
        assertThat(small.get("name").asText()).isEqualTo("Small Instance");
        assertThat(small.get("cpunumber").isInt()).isTrue();
        assertThat(small.get("cpunumber").asInt()).isEqualTo(1);
        assertThat(small.get("cpuspeed").asInt()).isEqualTo(500);
        assertThat(small.get("memory").asInt()).isEqualTo(512);
        assertThat(small.get("iscustomized").isBoolean()).isTrue();
        assertThat(small.has("networkrate")).isFalse();
        assertThat(offerings.get("serviceoffering").get(1).get("id").asText())
                .isEqualTo(SeededCatalogue.MEDIUM_INSTANCE.toString());

        JsonNode featured = ben.ok("listTemplates", "templatefilter", "featured");
        JsonNode ubuntu = featured.get("template").get(0);
        assertThat(ubuntu.get("id").asText()).isEqualTo(SeededCatalogue.UBUNTU_TEMPLATE.toString());
        assertThat(ubuntu.get("ispublic").asBoolean()).isTrue();
        assertThat(ubuntu.get("isfeatured").asBoolean()).isTrue();
        assertThat(ubuntu.get("isready").isBoolean()).isTrue();
        assertThat(ubuntu.get("crossZones").asBoolean()).isTrue();
        assertThat(ubuntu.get("templatetype").asText()).isEqualTo("BUILTIN");
        assertThat(ubuntu.get("ostypeid").asText()).isEqualTo(OsTypes.UBUNTU_22_04.toString());
        assertThat(ubuntu.get("ostypename").asText()).isEqualTo("Ubuntu 22.04 LTS");
        assertThat(ubuntu.get("hypervisor").asText()).isEqualTo("KVM");

        assertThat(ben.ok("listOsTypes").get("count").asInt()).isEqualTo(OsTypes.ALL.size());
        assertThat(names(ben.ok("listHypervisors"), "hypervisor")).contains("KVM", "XenServer", "VMware");
        assertThat(names(ben.ok("listDiskOfferings"), "diskoffering"))
                .containsExactly("Small", "Medium", "Large", "Custom");
        // CloudStack's empty list: no count, no items.
        assertThat(ben.ok("listIsos", "isofilter", "executable").size()).isZero();
    }

    @Test
    void onlyRootAdminsManageServiceOfferings() {
        Reply denied = ann.call("createServiceOffering", "name", "x", "cpunumber", "1", "cpuspeed", "1", "memory", "1");
        assertThat(denied.status()).isEqualTo(432);

        JsonNode created = admin.ok(
                        "createServiceOffering",
                        "name",
                        "Rated",
                        "cpunumber",
                        "4",
                        "cpuspeed",
                        "2000",
                        "memory",
                        "8192",
                        "networkrate",
                        "100")
                .get("serviceoffering");
        String id = created.get("id").asText();
        assertThat(created.get("displaytext").asText()).isEqualTo("Rated");
        assertThat(created.get("networkrate").isInt()).isTrue();
        assertThat(created.get("networkrate").asInt()).isEqualTo(100);
        assertThat(ann.ok("listServiceOfferings", "id", id).get("count").asInt())
                .isEqualTo(1);
        assertThat(admin.call("createServiceOffering", "name", "Bad", "cpunumber", "0", "cpuspeed", "1", "memory", "1")
                        .status())
                .isEqualTo(431);

        assertThat(ann.call("updateServiceOffering", "id", id, "name", "Mine").status())
                .isEqualTo(432);
        JsonNode renamed = admin.ok("updateServiceOffering", "id", id, "name", "Rated 100", "displaytext", "4 CPUs")
                .get("serviceoffering");
        assertThat(renamed.get("name").asText()).isEqualTo("Rated 100");
        assertThat(renamed.get("displaytext").asText()).isEqualTo("4 CPUs");
        assertThat(renamed.get("memory").asInt()).isEqualTo(8192);

        assertThat(ann.call("deleteServiceOffering", "id", id).status()).isEqualTo(432);
        assertThat(admin.ok("deleteServiceOffering", "id", id).get("success").asBoolean())
                .isTrue();
        assertThat(ann.ok("listServiceOfferings", "id", id).size()).isZero();
        assertNotFound(admin.call("deleteServiceOffering", "id", id), "id", id);
        assertNotFound(admin.call("updateServiceOffering", "id", id, "name", "again"), "id", id);
    }

    @Test
    void everyTemplateFilterSelectsAsCloudStacks() {
        String annPrivate = register(ann, "ann-private");
        String annPublic = register(ann, "ann-public", "ispublic", "true");
        String benPrivate = register(ben, "ben-private");
        String adminFeatured = register(admin, "admin-featured", "ispublic", "true", "isfeatured", "true");
        String seeded = SeededCatalogue.UBUNTU_TEMPLATE.toString();

        assertThat(ids(ann, "self")).containsExactly(annPrivate, annPublic);
        assertThat(ids(ann, "selfexecutable")).containsExactly(annPrivate, annPublic);
        assertThat(ids(ann, "sharedexecutable")).isEmpty();
        assertThat(ids(ann, "executable")).containsExactlyInAnyOrder(seeded, annPrivate, annPublic, adminFeatured);
        assertThat(ids(ben, "executable")).containsExactlyInAnyOrder(seeded, annPublic, benPrivate, adminFeatured);
        assertThat(ids(ben, "featured")).containsExactlyInAnyOrder(seeded, adminFeatured);
        assertThat(ids(ben, "community")).containsExactly(annPublic);
        assertThat(ids(admin, "all")).contains(seeded, annPrivate, annPublic, benPrivate, adminFeatured);
        assertThat(ids(admin, "self")).containsExactly(adminFeatured);

        Reply userAll = ann.call("listTemplates", "templatefilter", "all");
        assertThat(userAll.status()).isEqualTo(431);
        assertThat(ann.call("listTemplates", "templatefilter", "mine").status()).isEqualTo(431);
        assertThat(ann.call("listTemplates").status()).isEqualTo(431);

        JsonNode owned = ann.ok("listTemplates", "templatefilter", "self", "id", annPublic)
                .get("template")
                .get(0);
        assertThat(owned.get("account").asText()).isEqualTo("ann");
        assertThat(owned.get("zoneid").asText()).isEqualTo(zone);
        assertThat(owned.get("zonename").asText()).isEqualTo("z1");
        assertThat(owned.get("crossZones").asBoolean()).isFalse();
        assertThat(owned.get("templatetype").asText()).isEqualTo("USER");
        assertThat(owned.get("displaytext").asText()).isEqualTo("ann-public text");

        Reply featuredByUser = ann.call(
                "registerTemplate",
                "name",
                "f",
                "format",
                "QCOW2",
                "hypervisor",
                "KVM",
                "url",
                "http://x",
                "isfeatured",
                "true");
        assertThat(featuredByUser.status()).isEqualTo(531);
        String unknownOs = UUID.randomUUID().toString();
        assertNotFound(
                ann.call(
                        "registerTemplate",
                        "name",
                        "f",
                        "format",
                        "QCOW2",
                        "hypervisor",
                        "KVM",
                        "url",
                        "http://x",
                        "ostypeid",
                        unknownOs),
                "ostypeid",
                unknownOs);
        assertThat(ann.call("registerTemplate", "name", "f", "format", "ISO9660", "hypervisor", "KVM", "url", "x")
                        .status())
                .isEqualTo(431);
    }

    private static List<String> ids(CloudStackClient client, String filter) {
        List<String> ids = new ArrayList<>();
        client.ok("listTemplates", "templatefilter", filter)
                .path("template")
                .forEach(template -> ids.add(template.get("id").asText()));
        return ids;
    }

    @Test
    void templatesAreDeletedByTheirOwnersOnly() {
        String shared = register(ann, "to-delete", "ispublic", "true");
        JsonNode foreign = ben.job("deleteTemplate", "id", shared);
        assertThat(foreign.get("jobstatus").asInt()).isEqualTo(2);
        assertThat(foreign.get("jobresult").get("errorcode").asInt()).isEqualTo(531);
        String hidden = register(ann, "hidden");
        JsonNode invisible = ben.job("deleteTemplate", "id", hidden);
        assertThat(invisible.get("jobresult").get("errortext").asText())
                .isEqualTo("Invalid parameter id value=" + hidden + NOT_FOUND_TEXT);

        assertThat(ann.jobOk("deleteTemplate", "id", shared).get("success").asBoolean())
                .isTrue();
        assertThat(ann.ok("listTemplates", "templatefilter", "self", "id", shared)
                        .size())
                .isZero();
        JsonNode again = ann.job("deleteTemplate", "id", shared);
        assertThat(again.get("jobresult").get("errortext").asText())
                .isEqualTo("Invalid parameter id value=" + shared + NOT_FOUND_TEXT);
    }

    @Test
    void deployRefusesOfferingsAndTemplatesTheCallerCannotUse() {
        String unknown = UUID.randomUUID().toString();
        String template = SeededCatalogue.UBUNTU_TEMPLATE.toString();
        String offering = SeededCatalogue.SMALL_INSTANCE.toString();
        assertNotFound(deploy(ann, unknown, template, "refused-1"), "serviceofferingid", unknown);
        assertNotFound(deploy(ann, offering, unknown, "refused-2"), "templateid", unknown);
        String foreign = register(ben, "ben-only");
        assertNotFound(deploy(ann, offering, foreign, "refused-3"), "templateid", foreign);

        String removed = admin.ok(
                        "createServiceOffering", "name", "Gone", "cpunumber", "1", "cpuspeed", "1", "memory", "64")
                .get("serviceoffering")
                .get("id")
                .asText();
        admin.ok("deleteServiceOffering", "id", removed);
        assertNotFound(deploy(ann, removed, template, "refused-4"), "serviceofferingid", removed);

        assertThat(ann.ok("listVirtualMachines", "name", "refused-1").size()).isZero();
    }

    @Test
    void vmsEchoTheirOfferingAndTemplate() {
        String offering = SeededCatalogue.MEDIUM_INSTANCE.toString();
        String template = register(ann, "web-image");
        Reply deployed = deploy(ann, offering, template, "echo");
        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(200);
        JsonNode job = ann.await(deployed.inner().get("jobid").asText());
        assertThat(job.get("jobstatus").asInt()).as(job.toString()).isEqualTo(1);
        assertEchoes(job.get("jobresult").get("virtualmachine"), offering, template);

        String id = deployed.inner().get("id").asText();
        JsonNode listed =
                ann.ok("listVirtualMachines", "id", id).get("virtualmachine").get(0);
        assertEchoes(listed, offering, template);

        // A deleted template goes from the lists, but the VM still names it.
        ann.jobOk("deleteTemplate", "id", template);
        assertEchoes(
                ann.ok("listVirtualMachines", "id", id).get("virtualmachine").get(0), offering, template);
    }

    @Test
    void anAccountsTemplatesGoWithItWhileOtherAccountsVmsKeepNamingThem() {
        CloudStackClient carl = CloudStackSetup.tenant(admin, "carl");
        String template = register(carl, "carl-public", "ispublic", "true");
        String offering = SeededCatalogue.MEDIUM_INSTANCE.toString();
        Reply deployed = deploy(ann, offering, template, "from-carl");
        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(200);
        String vm = deployed.inner().get("id").asText();
        String carlId = admin.ok("listAccounts", "name", "carl")
                .get("account")
                .get(0)
                .get("id")
                .asText();

        assertThat(admin.job("deleteAccount", "id", carlId).get("jobstatus").asInt())
                .isEqualTo(1);

        assertThat(ids(admin, "all")).doesNotContain(template);
        JsonNode listed =
                ann.ok("listVirtualMachines", "id", vm).get("virtualmachine").get(0);
        assertThat(listed.get("templateid").asText()).isEqualTo(template);
        assertThat(listed.get("templatename").asText()).isEqualTo("carl-public");
    }

    private static void assertEchoes(JsonNode vm, String offering, String template) {
        assertThat(vm.get("serviceofferingid").asText()).isEqualTo(offering);
        assertThat(vm.get("serviceofferingname").asText()).isEqualTo("Medium Instance");
        assertThat(vm.get("cpunumber").isInt()).isTrue();
        assertThat(vm.get("cpunumber").asInt()).isEqualTo(1);
        assertThat(vm.get("cpuspeed").asInt()).isEqualTo(1000);
        assertThat(vm.get("memory").asInt()).isEqualTo(1024);
        assertThat(vm.get("templateid").asText()).isEqualTo(template);
        assertThat(vm.get("templatename").asText()).isEqualTo("web-image");
        assertThat(vm.get("templatedisplaytext").asText()).isEqualTo("web-image text");
    }

    private static Reply deploy(CloudStackClient client, String offering, String template, String name) {
        return client.call(
                "deployVirtualMachine",
                "zoneid",
                zone,
                "serviceofferingid",
                offering,
                "templateid",
                template,
                "networkids",
                annNetwork,
                "name",
                name);
    }

    /**
     * The name-to-id lookups terraform-provider-cloudstack makes before it creates an instance
     * ({@code resourceCloudStackInstanceCreate} through {@code retrieveID} and {@code
     * retrieveTemplateID}; cloudstack-go's {@code GetServiceOfferingID}, {@code GetZoneID}, {@code
     * GetTemplateID}, {@code GetDiskOfferingID}, and {@code GetOsTypeByDescription} behind
     * {@code listOsTypes description=}): each must answer exactly one item, with its id.
     */
    @Test
    void terraformProviderNameLookupsFindExactlyOne() {
        JsonNode offering = ann.ok("listServiceOfferings", "name", "Small Instance");
        assertThat(offering.get("count").asInt()).isEqualTo(1);
        assertThat(offering.get("serviceoffering").get(0).get("id").asText())
                .isEqualTo(SeededCatalogue.SMALL_INSTANCE.toString());

        JsonNode zones = ann.ok("listZones", "name", "z1");
        assertThat(zones.get("count").asInt()).isEqualTo(1);
        assertThat(zones.get("zone").get(0).get("id").asText()).isEqualTo(zone);

        JsonNode templates =
                ann.ok("listTemplates", "name", "Ubuntu 22.04 LTS", "templatefilter", "executable", "zoneid", zone);
        assertThat(templates.get("count").asInt()).isEqualTo(1);
        JsonNode template = templates.get("template").get(0);
        assertThat(template.get("id").asText()).isEqualTo(SeededCatalogue.UBUNTU_TEMPLATE.toString());
        // A template of every zone is shown in the zone asked for.
        assertThat(template.get("zoneid").asText()).isEqualTo(zone);
        assertThat(template.get("zonename").asText()).isEqualTo("z1");

        JsonNode disk = ann.ok("listDiskOfferings", "name", "Small");
        assertThat(disk.get("count").asInt()).isEqualTo(1);
        assertThat(disk.get("diskoffering").get(0).get("disksize").asLong()).isEqualTo(5);

        JsonNode os = ann.ok("listOsTypes", "description", "Ubuntu 22.04 LTS");
        assertThat(os.get("count").asInt()).isEqualTo(1);
        assertThat(os.get("ostype").get(0).get("id").asText()).isEqualTo(OsTypes.UBUNTU_22_04.toString());
    }
}
