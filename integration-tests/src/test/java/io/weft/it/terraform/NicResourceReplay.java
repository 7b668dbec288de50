package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.terraform.CloudStackGo.GoError;
import io.weft.it.terraform.CloudStackGo.Lookup;
import io.weft.testsupport.cloudstack.Params;

/**
 * {@code cloudstack_nic} of github.com/apache/cloudstack-terraform-provider, {@code
 * cloudstack/resource_cloudstack_nic.go}, replayed for:
 *
 * <pre>
 * resource "cloudstack_network" "front" { ... }    # tf-front, 10.1.4.0/24
 * resource "cloudstack_network" "back" { ... }     # tf-back, 10.1.5.0/24
 * resource "cloudstack_instance" "app" { ... }     # on tf-front
 *
 * resource "cloudstack_nic" "back" {
 *   network_id         = cloudstack_network.back.id
 *   virtual_machine_id = cloudstack_instance.app.id
 *   ip_address         = "10.1.5.50"
 * }
 * </pre>
 *
 * then {@code ip_address = "10.1.5.51"}. Every attribute forces a new resource (the resource has
 * no Update function), so Terraform replaces the NIC: Delete, then Create and Read.
 */
final class NicResourceReplay {
    private final ProviderWorld world;
    private final CloudStackGo go;
    private String backId;
    private String vmId;
    private String id;

    NicResourceReplay(ProviderWorld world) {
        this.world = world;
        this.go = world.provider();
    }

    /** The two networks and the instance, as their resources create them. */
    void dependencies() {
        String frontId = world.network("tf-front", "10.1.4");
        backId = world.network("tf-back", "10.1.5");
        vmId = world.instance("tf-app-1", frontId);
    }

    /**
     * {@code resourceCloudStackNICCreate}: {@code AddNicToVirtualMachine} POSTs {@code networkid},
     * {@code virtualmachineid} and {@code ipaddress} (async, {@code getRawValue} into {@code
     * AddNicToVirtualMachineResponse}; the provider retries it up to ten times); the NIC's id is
     * the one of the answer's {@code nic[]} on the configured network; the Read follows.
     */
    void create(String ip) {
        JsonNode vm = go.postAsync(
                "addNicToVirtualMachine",
                Params.of("ipaddress", ip).and("networkid", backId).and("virtualmachineid", vmId),
                "AddNicToVirtualMachineResponse",
                true);
        id = null;
        for (JsonNode nic : vm.path("nic")) {
            if (nic.path("networkid").asText().equals(backId)) {
                id = nic.get("id").asText();
            }
        }
        assertThat(id).as("a NIC on network %s in %s", backId, vm).isNotNull();
    }

    /**
     * {@code resourceCloudStackNICRead}: {@code GetVirtualMachineByID} ({@code listVirtualMachines
     * id=}, no options); the NIC with the stored id gives {@code ipaddress}, {@code networkid} and
     * {@code macaddress}.
     */
    void read(String ip) {
        JsonNode nic = nic();
        assertThat(nic).as("NIC %s on the VM", id).isNotNull();
        assertThat(nic.get("ipaddress").asText()).isEqualTo(ip);
        assertThat(nic.get("networkid").asText()).isEqualTo(backId);
        assertThat(nic.get("macaddress").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    }

    private JsonNode nic() {
        Lookup vm =
                go.byId("listVirtualMachines", "virtualmachine", "ListVirtualMachinesResponse", vmId, Params.none());
        assertThat(vm.count()).isEqualTo(1);
        for (JsonNode nic : vm.item().path("nic")) {
            if (nic.path("id").asText().equals(id)) {
                return nic;
            }
        }
        return null;
    }

    /** The replacement Terraform plans for a changed {@code ip_address}: Delete, then Create. */
    void replace(String ip) {
        String old = id;
        delete();
        create(ip);
        assertThat(id).isNotEqualTo(old);
    }

    /**
     * {@code resourceCloudStackNICDelete}: {@code RemoveNicFromVirtualMachine} POSTs {@code nicid}
     * and {@code virtualmachineid} (async, {@code getRawValue} into {@code
     * RemoveNicFromVirtualMachineResponse}).
     */
    void delete() {
        JsonNode vm = go.postAsync(
                "removeNicFromVirtualMachine",
                Params.of("nicid", id).and("virtualmachineid", vmId),
                "RemoveNicFromVirtualMachineResponse",
                true);
        assertThat(vm.path("nic").findValuesAsText("id")).doesNotContain(id);
    }

    /**
     * {@code resourceCloudStackNICRead} after the delete: the VM is there but has no NIC with the
     * stored id, so the provider clears the id. A repeated {@code resourceCloudStackNICDelete}
     * fails: CloudStack names the parameter it could not resolve ({@code nicid}), so the
     * provider's test for {@code "Invalid parameter id value=<id>"} does not match and it reports
     * the error, as it does against CloudStack itself.
     */
    void readGone() {
        assertThat(nic()).as("NIC %s after its delete", id).isNull();
        GoError again = go.postFailing(
                "removeNicFromVirtualMachine", Params.of("nicid", id).and("virtualmachineid", vmId), true);
        assertThat(again.getMessage())
                .contains("Invalid parameter nicid value=" + id + " " + CloudStackGo.ENTITY_DOES_NOT_EXIST);
    }
}
