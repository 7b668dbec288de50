package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.terraform.CloudStackGo.GoError;
import io.weft.it.terraform.CloudStackGo.Lookup;
import io.weft.testsupport.cloudstack.Params;

/**
 * {@code cloudstack_network} of github.com/apache/cloudstack-terraform-provider, {@code
 * cloudstack/resource_cloudstack_network.go}, replayed for:
 *
 * <pre>
 * resource "cloudstack_network" "web" {
 *   name             = "tf-web"
 *   cidr             = "10.1.1.0/24"
 *   network_offering = "WeftIsolatedVxlan"
 *   zone             = "tf-zone"
 *   tags             = { env = "test" }
 * }
 * </pre>
 *
 * then {@code display_text = "Web tier"} and {@code tags = { env = "prod" }}, then destroyed.
 */
final class NetworkResourceReplay {
    private static final String NAME = "tf-web";

    private final CloudStackGo go;
    private final String zoneId;
    private String offeringId;
    private String id;
    private JsonNode state;

    NetworkResourceReplay(ProviderWorld world) {
        this.go = world.provider();
        this.zoneId = world.zoneId();
    }

    String id() {
        return id;
    }

    /**
     * {@code resourceCloudStackNetworkCreate}: {@code retrieveID} resolves the names through {@code
     * GetNetworkOfferingID} ({@code listNetworkOfferings name=}) and {@code GetZoneID} ({@code
     * listZones name=}); {@code GetNetworkOfferingByID} reads {@code specifyipranges}; {@code
     * parseCIDR} turns the CIDR into {@code gateway} (first address) and {@code netmask} and, the
     * offering not specifying IP ranges, no {@code startip}/{@code endip}; {@code displaytext}
     * defaults to the name. {@code CreateNetwork} POSTs synchronously and decodes {@code
     * getRawValue} into {@code CreateNetworkResponse}; {@code setTags} then sends {@code createTags}
     * with {@code resourcetype=network} (async), and the Read follows.
     */
    void create() {
        offeringId = go.idByName(
                "listNetworkOfferings",
                "networkoffering",
                "ListNetworkOfferingsResponse",
                "name",
                ProviderWorld.NETWORK_OFFERING,
                Params.none());
        String zone = go.idByName("listZones", "zone", "ListZonesResponse", "name", ProviderWorld.ZONE, Params.none());
        assertThat(zone).isEqualTo(zoneId);
        Lookup offering = go.byId(
                "listNetworkOfferings", "networkoffering", "ListNetworkOfferingsResponse", offeringId, Params.none());
        assertThat(offering.count()).isEqualTo(1);
        assertThat(offering.item().get("specifyipranges").asBoolean())
                .as("Weft's offerings take no IP range, so parseCIDR sends none")
                .isFalse();
        JsonNode created = go.postUnwrapped(
                "createNetwork",
                Params.of("displaytext", NAME)
                        .and("gateway", "10.1.1.1")
                        .and("name", NAME)
                        .and("netmask", "255.255.255.0")
                        .and("networkofferingid", offeringId)
                        .and("zoneid", zoneId),
                "CreateNetworkResponse");
        id = created.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        go.postAsync(
                "createTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "network")
                        .and("tags[0].key", "env")
                        .and("tags[0].value", "test"),
                "CreateTagsResponse",
                false);
    }

    /**
     * {@code resourceCloudStackNetworkRead}: {@code GetNetworkByID} ({@code listNetworks id=}, no
     * project in the state so no {@code projectid}), then the fields it sets into the state, each
     * of which must read back as configured or the next plan shows a diff: {@code name}, {@code
     * displaytext}, {@code cidr}, {@code gateway}, no {@code vpcid}, no {@code aclid} (read as
     * {@code "none"}, the schema default), {@code tags}, and {@code networkofferingname} and {@code
     * zonename}, since {@code setValueOrID} keeps names when the configuration gave names.
     */
    void read(String displayText, String env) {
        Lookup found = go.byId("listNetworks", "network", "ListNetworksResponse", id, Params.none());
        assertThat(found.count()).isEqualTo(1);
        state = found.item();
        assertThat(state.get("id").asText()).isEqualTo(id);
        assertThat(state.get("name").asText()).isEqualTo(NAME);
        assertThat(state.get("displaytext").asText()).isEqualTo(displayText);
        assertThat(state.get("cidr").asText()).isEqualTo("10.1.1.0/24");
        assertThat(state.get("gateway").asText()).isEqualTo("10.1.1.1");
        assertThat(state.path("vpcid").asText(""))
                .as("vpc_id is not configured")
                .isEmpty();
        assertThat(state.path("aclid").asText(""))
                .as("acl_id must read back as none")
                .isEmpty();
        assertThat(state.get("networkofferingname").asText()).isEqualTo(ProviderWorld.NETWORK_OFFERING);
        assertThat(state.get("networkofferingid").asText()).isEqualTo(offeringId);
        assertThat(state.get("zoneid").asText()).isEqualTo(zoneId);
        assertThat(state.path("zonename").asText())
                .as("setValueOrID(zone) stores zonename; without it every plan replaces the network")
                .isEqualTo(ProviderWorld.ZONE);
        assertThat(state.get("tags")).hasSize(1);
        assertThat(state.get("tags").get(0).get("key").asText()).isEqualTo("env");
        assertThat(state.get("tags").get(0).get("value").asText()).isEqualTo(env);
    }

    /**
     * {@code resourceCloudStackNetworkUpdate}: {@code display_text} changed, so {@code
     * UpdateNetwork} (async, {@code getRawValue} into {@code UpdateNetworkResponse}) sends the name
     * and the new display text; {@code updateTags} (in {@code tags.go}) deletes the old pair with
     * {@code deleteTags} and creates the new one with {@code createTags}, both with {@code
     * resourcetype=Network}; the Read follows.
     */
    void update() {
        JsonNode updated = go.postAsync(
                "updateNetwork",
                Params.of("displaytext", "Web tier").and("id", id).and("name", NAME),
                "UpdateNetworkResponse",
                true);
        assertThat(updated.get("displaytext").asText()).isEqualTo("Web tier");
        go.postAsync(
                "deleteTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "Network")
                        .and("tags[0].key", "env")
                        .and("tags[0].value", "test"),
                "CreateTagsResponse",
                false);
        go.postAsync(
                "createTags",
                Params.of("resourceids", id)
                        .and("resourcetype", "Network")
                        .and("tags[0].key", "env")
                        .and("tags[0].value", "prod"),
                "CreateTagsResponse",
                false);
    }

    /** {@code resourceCloudStackNetworkDelete}: {@code DeleteNetwork} (async, {@code {"success":true}}). */
    void delete() {
        JsonNode deleted = go.postAsync("deleteNetwork", Params.of("id", id), "DeleteNetworkResponse", false);
        assertThat(deleted.get("success").asBoolean()).isTrue();
    }

    /**
     * {@code resourceCloudStackNetworkRead} after the delete (a refresh of a stale state): {@code
     * GetNetworkByID} answers count 0, so the Read asks again with {@code projectid=-1} (the
     * network might belong to a project inherited from its VPC), which must also find nothing;
     * then the provider clears the id. A destroy of the stale state ({@code
     * resourceCloudStackNetworkDelete} again) must fail with CloudStack's "entity does not exist"
     * sentence naming the id, which the provider takes as success.
     */
    void readGone() {
        assertThat(go.byId("listNetworks", "network", "ListNetworksResponse", id, Params.none())
                        .gone())
                .isTrue();
        assertThat(go.byId("listNetworks", "network", "ListNetworksResponse", id, Params.of("projectid", "-1"))
                        .gone())
                .isTrue();
        GoError again = go.postFailing("deleteNetwork", Params.of("id", id), true);
        assertThat(again.saysEntityDoesNotExist(id))
                .as("the provider matches this text to treat the network as deleted: %s", again.getMessage())
                .isTrue();
    }

    JsonNode state() {
        return state;
    }
}
