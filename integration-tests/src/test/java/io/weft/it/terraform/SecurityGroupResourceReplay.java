package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.terraform.CloudStackGo.GoError;
import io.weft.it.terraform.CloudStackGo.Lookup;
import io.weft.testsupport.cloudstack.Params;

/**
 * {@code cloudstack_security_group} of github.com/apache/cloudstack-terraform-provider, {@code
 * cloudstack/resource_cloudstack_security_group.go}, replayed for:
 *
 * <pre>
 * resource "cloudstack_security_group" "web" {
 *   name        = "tf-web-sg"
 *   description = "Web servers"
 * }
 * </pre>
 *
 * then {@code description = "Web and API servers"}. Every attribute forces a new resource (the
 * resource has no Update function), so Terraform replaces it: Delete, then Create and Read.
 */
final class SecurityGroupResourceReplay {
    static final String NAME = "tf-web-sg";

    private final CloudStackGo go;
    private String id;

    SecurityGroupResourceReplay(ProviderWorld world) {
        this.go = world.provider();
    }

    String id() {
        return id;
    }

    /**
     * {@code resourceCloudStackSecurityGroupCreate}: {@code CreateSecurityGroup} POSTs {@code name}
     * and {@code description} (the name when none is configured) synchronously and decodes {@code
     * getRawValue} into {@code CreateSecurityGroupResponse}; the Read follows.
     */
    void create(String description) {
        JsonNode created = go.postUnwrapped(
                "createSecurityGroup",
                Params.of("description", description).and("name", NAME),
                "CreateSecurityGroupResponse");
        id = created.get("id").asText();
        assertThat(created.get("name").asText()).isEqualTo(NAME);
    }

    /**
     * {@code resourceCloudStackSecurityGroupRead}: {@code GetSecurityGroupByID} ({@code
     * listSecurityGroups id=}, no project); sets {@code name}, {@code description} and, through
     * {@code setValueOrID}, {@code project} (empty outside projects).
     */
    void read(String description) {
        Lookup found = go.byId("listSecurityGroups", "securitygroup", "ListSecurityGroupsResponse", id, Params.none());
        assertThat(found.count()).isEqualTo(1);
        JsonNode group = found.item();
        assertThat(group.get("id").asText()).isEqualTo(id);
        assertThat(group.get("name").asText()).isEqualTo(NAME);
        assertThat(group.get("description").asText()).isEqualTo(description);
        assertThat(group.path("project").asText("")).isEmpty();
    }

    /**
     * The replacement Terraform plans for a changed {@code description}: {@code
     * resourceCloudStackSecurityGroupDelete}, then {@code resourceCloudStackSecurityGroupCreate}
     * with the new description.
     */
    void replace(String description) {
        String old = id;
        delete();
        create(description);
        assertThat(id).isNotEqualTo(old);
    }

    /**
     * {@code resourceCloudStackSecurityGroupDelete}: {@code DeleteSecurityGroup} POSTs {@code id}
     * (no project) synchronously; {@code {"success":true}} decodes into {@code
     * DeleteSecurityGroupResponse}.
     */
    void delete() {
        JsonNode deleted = go.post("deleteSecurityGroup", Params.of("id", id), "DeleteSecurityGroupResponse");
        assertThat(deleted.get("success").asBoolean()).isTrue();
    }

    /**
     * {@code resourceCloudStackSecurityGroupRead} after the delete: {@code GetSecurityGroupByID}
     * answers count 0 and the provider clears the id. A repeated {@code
     * resourceCloudStackSecurityGroupDelete} must fail with the "entity does not exist" sentence
     * naming the id, which the provider takes as success.
     */
    void readGone() {
        assertThat(go.byId("listSecurityGroups", "securitygroup", "ListSecurityGroupsResponse", id, Params.none())
                        .gone())
                .isTrue();
        GoError again = go.postFailing("deleteSecurityGroup", Params.of("id", id), false);
        assertThat(again.saysEntityDoesNotExist(id))
                .as("the provider matches this text to treat the group as deleted: %s", again.getMessage())
                .isTrue();
    }
}
