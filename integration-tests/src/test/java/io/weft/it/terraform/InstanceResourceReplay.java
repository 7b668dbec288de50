package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.terraform.CloudStackGo.GoError;
import io.weft.it.terraform.CloudStackGo.Lookup;
import io.weft.testsupport.cloudstack.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cloudstack_instance} of github.com/apache/cloudstack-terraform-provider, {@code
 * cloudstack/resource_cloudstack_instance.go}, replayed for:
 *
 * <pre>
 * resource "cloudstack_network" "app" { ... }          # tf-app, 10.1.3.0/24
 * resource "cloudstack_security_group" "app" { ... }   # tf-vm-sg
 *
 * resource "cloudstack_instance" "web" {
 *   name               = "tf-web-1"
 *   display_name       = "Web 1"
 *   group              = "web"
 *   service_offering   = "Small Instance"
 *   template           = "Ubuntu 22.04 LTS"
 *   zone               = "tf-zone"
 *   network_id         = cloudstack_network.app.id
 *   security_group_ids = [cloudstack_security_group.app.id]
 *   expunge            = true
 *   tags               = { role = "web" }
 * }
 * </pre>
 *
 * then {@code display_name = "Web one"}, {@code group = "frontend"} and {@code tags = { role =
 * "frontend" }}; then {@code
 * name = "tf-web-01"} and {@code service_offering = "Medium Instance"}; then destroyed.
 */
final class InstanceResourceReplay {
    static final String NAME = "tf-web-1";
    static final String NEW_NAME = "tf-web-01";

    private final ProviderWorld world;
    private final CloudStackGo go;
    private String networkId;
    private String groupId;
    private String serviceOfferingId;
    private String templateId;
    private String id;

    InstanceResourceReplay(ProviderWorld world) {
        this.world = world;
        this.go = world.provider();
    }

    String id() {
        return id;
    }

    String networkId() {
        return networkId;
    }

    /** The network and the group the configuration refers to, created as their resources create them. */
    void dependencies() {
        networkId = world.network("tf-app", "10.1.3");
        groupId = world.securityGroup("tf-vm-sg");
    }

    /**
     * {@code resourceCloudStackInstanceCreate}: the zone by {@code retrieveID} ({@code GetZoneID},
     * {@code listZones name=}); the offering by {@code retrieveServiceOfferingID} ({@code
     * listServiceOfferings name= zoneid=}, which must find exactly one); the zone again by {@code
     * GetZoneByID} for its {@code networktype}; the template by {@code retrieveTemplateID} ({@code
     * GetTemplateID}: {@code listTemplates name= templatefilter=executable zoneid=}). In an
     * Advanced zone {@code networkids} is the network, and with no project configured the network
     * is looked up with {@code projectid=-1} to inherit its project. {@code DeployVirtualMachine}
     * POSTs {@code displayname}, {@code group}, {@code name}, {@code networkids}, {@code securitygroupids}, {@code
     * serviceofferingid}, {@code startvm=true}, {@code templateid} and {@code zoneid} (async,
     * {@code getRawValue} into {@code DeployVirtualMachineResponse}, whose {@code nic[0].ipaddress}
     * becomes the connection host); {@code setTags} sends {@code createTags
     * resourcetype=userVm}; the Read follows.
     */
    void create() {
        String zoneId =
                go.idByName("listZones", "zone", "ListZonesResponse", "name", ProviderWorld.ZONE, Params.none());
        JsonNode offerings = go.list(
                "listServiceOfferings",
                Params.of("name", ProviderWorld.SERVICE_OFFERING).and("zoneid", zoneId),
                "ListServiceOfferingsResponse");
        assertThat(offerings.path("count").asInt())
                .as("retrieveServiceOfferingID needs exactly one offering of that name in the zone")
                .isEqualTo(1);
        serviceOfferingId = offerings.get("serviceoffering").get(0).get("id").asText();
        Lookup zone = go.byId("listZones", "zone", "ListZonesResponse", zoneId, Params.none());
        assertThat(zone.item().get("networktype").asText()).isEqualTo("Advanced");
        templateId = go.idByName(
                "listTemplates",
                "template",
                "ListTemplatesResponse",
                "name",
                ProviderWorld.TEMPLATE,
                Params.of("templatefilter", "executable").and("zoneid", zoneId));
        Lookup network =
                go.byId("listNetworks", "network", "ListNetworksResponse", networkId, Params.of("projectid", "-1"));
        assertThat(network.count() == 0
                        || network.item().path("projectid").asText("").isEmpty())
                .as("a network outside projects gives the instance no project to inherit")
                .isTrue();
        JsonNode vm = go.postAsync(
                "deployVirtualMachine",
                Params.of("displayname", "Web 1")
                        .and("group", "web")
                        .and("name", NAME)
                        .and("networkids", networkId)
                        .and("securitygroupids", groupId)
                        .and("serviceofferingid", serviceOfferingId)
                        .and("startvm", "true")
                        .and("templateid", templateId)
                        .and("zoneid", zoneId),
                "DeployVirtualMachineResponse",
                true);
        id = vm.get("id").asText();
        assertThat(vm.get("nic").get(0).get("ipaddress").asText())
                .as("SetConnInfo reads r.Nic[0].Ipaddress")
                .isNotEmpty();
        go.postAsync(
                "createTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "userVm")
                        .and("tags[0].key", "role")
                        .and("tags[0].value", "web"),
                "CreateTagsResponse",
                false);
    }

    /**
     * {@code resourceCloudStackInstanceRead}: {@code GetVirtualMachineByID} ({@code
     * listVirtualMachines id=}, no project), then {@code listVolumes type=ROOT virtualmachineid=}
     * for {@code root_disk_size} (an error there fails the Read); the state takes {@code name},
     * {@code displayname}, {@code nic[0].networkid} and {@code nic[0].ipaddress}, {@code
     * group}, {@code securitygroup[].id}, {@code tags}, {@code boottype} (not UEFI, {@code uefi = false}) and,
     * through {@code setValueOrID} with the configured names, {@code serviceofferingname}, {@code
     * templatename} and {@code zonename}.
     */
    void read(String name, String displayName, String group, String offering, String role) {
        Lookup found =
                go.byId("listVirtualMachines", "virtualmachine", "ListVirtualMachinesResponse", id, Params.none());
        assertThat(found.count()).isEqualTo(1);
        JsonNode vm = found.item();
        JsonNode volumes =
                go.list("listVolumes", Params.of("type", "ROOT").and("virtualmachineid", id), "ListVolumesResponse");
        assertThat(volumes.path("volume")).hasSize(1);
        assertThat(volumes.get("volume").get(0).get("size").isIntegralNumber()).isTrue();
        assertThat(vm.get("name").asText()).isEqualTo(name);
        assertThat(vm.get("displayname").asText()).isEqualTo(displayName);
        assertThat(vm.path("group").asText())
                .as("group is read back into the state")
                .isEqualTo(group);
        assertThat(vm.get("nic").get(0).get("networkid").asText()).isEqualTo(networkId);
        assertThat(vm.get("nic").get(0).get("ipaddress").asText()).startsWith("10.1.3.");
        List<String> groups = new ArrayList<>();
        vm.path("securitygroup").forEach(sg -> groups.add(sg.get("id").asText()));
        assertThat(groups).containsExactly(groupId);
        assertThat(vm.get("tags")).hasSize(1);
        assertThat(vm.get("tags").get(0).get("key").asText()).isEqualTo("role");
        assertThat(vm.get("tags").get(0).get("value").asText()).isEqualTo(role);
        assertThat(vm.path("boottype").asText("")).isNotEqualToIgnoringCase("UEFI");
        assertThat(vm.get("serviceofferingname").asText()).isEqualTo(offering);
        assertThat(vm.path("serviceofferingid").asText()).isEqualTo(serviceOfferingId);
        assertThat(vm.get("templatename").asText()).isEqualTo(ProviderWorld.TEMPLATE);
        assertThat(vm.path("templateid").asText()).isEqualTo(templateId);
        assertThat(vm.path("zonename").asText())
                .as("setValueOrID(zone) stores zonename; without it every plan replaces the instance")
                .isEqualTo(ProviderWorld.ZONE);
    }

    /**
     * {@code resourceCloudStackInstanceUpdate}: a changed {@code display_name} is one {@code
     * UpdateVirtualMachine} ({@code id}, {@code displayname}; synchronous, decoded without {@code
     * getRawValue}), a changed {@code group} another ({@code id}, {@code group}); no attribute
     * that needs a stopped VM changed, so no stop and start; {@code
     * updateTags} with {@code resourcetype=UserVm}; the Read follows.
     */
    void update() {
        go.post(
                "updateVirtualMachine",
                Params.of("displayname", "Web one").and("id", id),
                "UpdateVirtualMachineResponse");
        go.post("updateVirtualMachine", Params.of("group", "frontend").and("id", id), "UpdateVirtualMachineResponse");
        go.postAsync(
                "deleteTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "UserVm")
                        .and("tags[0].key", "role")
                        .and("tags[0].value", "web"),
                "CreateTagsResponse",
                false);
        go.postAsync(
                "createTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "UserVm")
                        .and("tags[0].key", "role")
                        .and("tags[0].value", "frontend"),
                "CreateTagsResponse",
                false);
    }

    /**
     * {@code resourceCloudStackInstanceUpdate} for attributes that need the VM stopped: {@code
     * StopVirtualMachine} (async, {@code getRawValue} into {@code StopVirtualMachineResponse}); for
     * the name {@code UpdateVirtualMachine id name}; for the offering the zone by {@code GetZoneID}
     * and the offering by {@code retrieveServiceOfferingID} ({@code listServiceOfferings name=
     * zoneid=}), then {@code ChangeServiceForVirtualMachine id serviceofferingid} (synchronous,
     * decoded without {@code getRawValue}); then {@code StartVirtualMachine} (async, into {@code
     * StartVirtualMachineResponse}); the Read follows.
     */
    void updateWhileStopped() {
        JsonNode stopped = go.postAsync("stopVirtualMachine", Params.of("id", id), "StopVirtualMachineResponse", true);
        assertThat(stopped.get("state").asText()).isEqualTo("Stopped");
        go.post("updateVirtualMachine", Params.of("id", id).and("name", NEW_NAME), "UpdateVirtualMachineResponse");
        String zoneId =
                go.idByName("listZones", "zone", "ListZonesResponse", "name", ProviderWorld.ZONE, Params.none());
        JsonNode offerings = go.list(
                "listServiceOfferings",
                Params.of("name", ProviderWorld.BIGGER_SERVICE_OFFERING).and("zoneid", zoneId),
                "ListServiceOfferingsResponse");
        assertThat(offerings.path("count").asInt()).isEqualTo(1);
        serviceOfferingId = offerings.get("serviceoffering").get(0).get("id").asText();
        go.post(
                "changeServiceForVirtualMachine",
                Params.of("id", id).and("serviceofferingid", serviceOfferingId),
                "ChangeServiceForVirtualMachineResponse");
        JsonNode started =
                go.postAsync("startVirtualMachine", Params.of("id", id), "StartVirtualMachineResponse", true);
        assertThat(started.get("state").asText()).isEqualTo("Running");
    }

    /**
     * {@code resourceCloudStackInstanceDelete}: {@code DestroyVirtualMachine} with {@code
     * expunge=true} (async, {@code getRawValue} into {@code DestroyVirtualMachineResponse}).
     */
    void delete() {
        go.postAsync(
                "destroyVirtualMachine",
                Params.of("expunge", "true").and("id", id),
                "DestroyVirtualMachineResponse",
                true);
    }

    /**
     * {@code resourceCloudStackInstanceRead} after the delete: {@code GetVirtualMachineByID}
     * answers count 0, then again with {@code projectid=-1}, and the provider clears the id. A
     * repeated {@code resourceCloudStackInstanceDelete} must fail with the "entity does not exist"
     * sentence naming the id, which the provider takes as success.
     */
    void readGone() {
        assertThat(go.byId("listVirtualMachines", "virtualmachine", "ListVirtualMachinesResponse", id, Params.none())
                        .gone())
                .isTrue();
        assertThat(go.byId(
                                "listVirtualMachines",
                                "virtualmachine",
                                "ListVirtualMachinesResponse",
                                id,
                                Params.of("projectid", "-1"))
                        .gone())
                .isTrue();
        GoError again = go.postFailing(
                "destroyVirtualMachine", Params.of("expunge", "true").and("id", id), true);
        assertThat(again.saysEntityDoesNotExist(id))
                .as("the provider matches this text to treat the instance as destroyed: %s", again.getMessage())
                .isTrue();
    }
}
