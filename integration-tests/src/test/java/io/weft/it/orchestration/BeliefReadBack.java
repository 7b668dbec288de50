package io.weft.it.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.orchestration.WorkloadBelief.TagKey;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * Reads everything back through the two APIs, as the tenant sees it, and compares it with what the
 * workload believes: every committed object is there as it was last changed, every deleted one is
 * gone.
 */
final class BeliefReadBack {
    private static final int PAGE = 500;

    private BeliefReadBack() {}

    static void check(WorkloadBelief belief, CloudStackClient tenant, Ec2Client ec2) {
        cloudStack(belief, tenant);
        ec2(belief, ec2);
    }

    private static void cloudStack(WorkloadBelief belief, CloudStackClient tenant) {
        Set<String> networks = ids(all(tenant, "listNetworks", "network"));
        Presence.allOf(networks, belief.csNetworks.keySet(), "CloudStack networks");
        Presence.noneOf(networks, belief.deletedCsNetworks, "deleted networks");

        Map<String, Set<String>> rulesByGroup = new HashMap<>();
        for (JsonNode group : all(tenant, "listSecurityGroups", "securitygroup")) {
            Set<String> rules = new HashSet<>();
            group.path("ingressrule")
                    .forEach(rule -> rules.add(rule.get("ruleid").asText()));
            group.path("egressrule")
                    .forEach(rule -> rules.add(rule.get("ruleid").asText()));
            rulesByGroup.put(group.get("id").asText(), rules);
        }
        Presence.allOf(rulesByGroup.keySet(), belief.csGroups.keySet(), "CloudStack groups");
        Presence.noneOf(rulesByGroup.keySet(), belief.deletedCsGroups, "deleted groups");
        belief.csRules.forEach((rule, owner) -> assertThat(rulesByGroup.get(owner.groupId()))
                .as("rules of group %s", owner.groupId())
                .contains(rule));
        Set<String> everyRule = new HashSet<>();
        rulesByGroup.values().forEach(everyRule::addAll);
        Presence.noneOf(everyRule, belief.revokedCsRules, "revoked rules");

        Map<String, JsonNode> vms = new HashMap<>();
        for (JsonNode vm : all(tenant, "listVirtualMachines", "virtualmachine")) {
            vms.put(vm.get("id").asText(), vm);
        }
        assertThat(vms.keySet()).as("VMs").containsExactlyInAnyOrderElementsOf(belief.vms.keySet());
        belief.vms.forEach((id, vm) -> {
            JsonNode listed = vms.get(id);
            assertThat(listed.path("hostid").asText()).as("host of VM %s", id).isEqualTo(vm.hostId());
            assertThat(listed.get("nic").get(0).get("ipaddress").asText()).isEqualTo(vm.ip());
        });

        Map<TagKey, String> tags = new HashMap<>();
        for (JsonNode tag : all(tenant, "listTags", "tag")) {
            tags.put(
                    new TagKey(tag.get("resourceid").asText(), tag.get("key").asText()),
                    tag.get("value").asText());
        }
        belief.csTags.forEach(
                (tag, value) -> assertThat(tags.get(tag)).as("tag %s", tag).isEqualTo(value));
        Presence.noneOf(tags.keySet(), belief.deletedCsTags, "deleted tags");
    }

    private static void ec2(WorkloadBelief belief, Ec2Client ec2) {
        Set<String> groups = new HashSet<>();
        ec2.describeSecurityGroupsPaginator(r -> {}).securityGroups().forEach(g -> groups.add(g.groupId()));
        Presence.allOf(groups, belief.ec2Groups.keySet(), "EC2 groups");
        Presence.noneOf(groups, belief.deletedEc2Groups, "deleted EC2 groups");

        Map<String, String> rules = new HashMap<>();
        ec2.describeSecurityGroupRulesPaginator(r -> {})
                .securityGroupRules()
                .forEach(rule -> rules.put(rule.securityGroupRuleId(), rule.groupId()));
        belief.ec2Rules.forEach((rule, group) ->
                assertThat(rules.get(rule)).as("group of rule %s", rule).isEqualTo(group));
        Presence.noneOf(rules.keySet(), belief.revokedEc2Rules, "revoked EC2 rules");

        Map<String, NetworkInterface> enis = new HashMap<>();
        ec2.describeNetworkInterfacesPaginator(r -> {})
                .networkInterfaces()
                .forEach(eni -> enis.put(eni.networkInterfaceId(), eni));
        Presence.allOf(enis.keySet(), belief.enis.keySet(), "interfaces");
        Presence.noneOf(enis.keySet(), belief.deletedEnis, "deleted interfaces");
        belief.enis.forEach((id, eni) -> {
            NetworkInterface listed = enis.get(id);
            assertThat(listed.groups().stream().map(GroupIdentifier::groupId).toList())
                    .as("groups of %s", id)
                    .containsExactlyInAnyOrderElementsOf(eni.groups());
            Optional<String> instance = Optional.ofNullable(listed.attachment()).map(a -> a.instanceId());
            assertThat(instance)
                    .as("attachment of %s", id)
                    .isEqualTo(eni.vmId().map(vm -> "i-" + vm.replace("-", "").substring(0, 17)));
            assertThat(listed.privateIpAddress()).isEqualTo(eni.ip());
        });

        Map<TagKey, String> tags = new HashMap<>();
        ec2.describeTagsPaginator(r -> {})
                .tags()
                .forEach(tag -> tags.put(new TagKey(tag.resourceId(), tag.key()), tag.value()));
        belief.ec2Tags.forEach(
                (tag, value) -> assertThat(tags.get(tag)).as("tag %s", tag).isEqualTo(value));
        Presence.noneOf(tags.keySet(), belief.deletedEc2Tags, "deleted EC2 tags");
    }

    /** Every page of a CloudStack list. */
    private static List<JsonNode> all(CloudStackClient client, String command, String itemKey) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = client.ok(
                    command,
                    Params.of("listall", "true")
                            .and("page", Integer.toString(page))
                            .and("pagesize", Integer.toString(PAGE)));
            JsonNode pageItems = answer.path(itemKey);
            pageItems.forEach(items::add);
            if (pageItems.size() < PAGE) {
                return items;
            }
        }
    }

    private static Set<String> ids(List<JsonNode> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
