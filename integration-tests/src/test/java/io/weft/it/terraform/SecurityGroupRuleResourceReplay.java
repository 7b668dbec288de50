package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.terraform.CloudStackGo.GoError;
import io.weft.it.terraform.CloudStackGo.Lookup;
import io.weft.testsupport.cloudstack.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cloudstack_security_group_rule} of github.com/apache/cloudstack-terraform-provider,
 * {@code cloudstack/resource_cloudstack_security_group_rule.go}, replayed for:
 *
 * <pre>
 * resource "cloudstack_security_group" "app" {
 *   name = "tf-app-sg"
 * }
 *
 * resource "cloudstack_security_group_rule" "app" {
 *   security_group_id = cloudstack_security_group.app.id
 *
 *   rule {
 *     cidr_list = ["0.0.0.0/0"]
 *     protocol  = "tcp"
 *     ports     = ["80", "443"]
 *   }
 *
 *   rule {
 *     cidr_list = ["10.0.0.0/8"]
 *     protocol  = "icmp"
 *     icmp_type = 8
 *     icmp_code = 0
 *   }
 *
 *   rule {
 *     cidr_list    = ["0.0.0.0/0"]
 *     protocol     = "udp"
 *     ports        = ["53"]
 *     traffic_type = "egress"
 *   }
 *
 *   rule {
 *     user_security_group_list = ["tf-lb-sg"]   # a group that exists already
 *     protocol                 = "tcp"
 *     ports                    = ["8443"]
 *   }
 * }
 * </pre>
 *
 * then the first rule's {@code ports = ["80", "8080"]}. The resource's id is the group's id; each
 * rule keeps the CloudStack rule ids in its computed {@code uuids} map, keyed by CIDR and port (or
 * {@code "icmp"}).
 */
final class SecurityGroupRuleResourceReplay {
    private static final String GROUP = "tf-app-sg";
    private static final String PEER = "tf-lb-sg";

    private final CloudStackGo go;
    private String groupId;
    /** The {@code uuids} the state holds: key ({@code cidr + port}, {@code cidr + "icmp"}) to rule id. */
    private final Map<String, String> ingress = new LinkedHashMap<>();

    private final Map<String, String> egress = new LinkedHashMap<>();

    /** The uuid of the rule that admits {@link #PEER}'s members, keyed {@code group + port}. */
    private final Map<String, String> fromPeer = new LinkedHashMap<>();

    /** The uuids the delete revoked. */
    private List<String> deleted = List.of();

    SecurityGroupRuleResourceReplay(ProviderWorld world) {
        this.go = world.provider();
    }

    /**
     * The group the rules belong to and the group a rule admits, created as {@code
     * resourceCloudStackSecurityGroupCreate} does.
     */
    void createGroups() {
        go.postUnwrapped(
                "createSecurityGroup", Params.of("description", PEER).and("name", PEER), "CreateSecurityGroupResponse");
        groupId = go.postUnwrapped(
                        "createSecurityGroup",
                        Params.of("description", GROUP).and("name", GROUP),
                        "CreateSecurityGroupResponse")
                .get("id")
                .asText();
    }

    /**
     * {@code resourceCloudStackSecurityGroupRuleCreate} and {@code createSecurityGroupRules}: for
     * each rule, each CIDR, and (tcp, udp) each port, one {@code AuthorizeSecurityGroupIngress} or
     * {@code ...Egress} by POST (async) with {@code securitygroupid}, {@code cidrlist}, {@code
     * protocol} and {@code startport}/{@code endport} or {@code icmptype}/{@code icmpcode}. The SDK
     * takes {@code getRawValue} of the job result (the group) and, when its {@code ingressrule}
     * (or {@code egressrule}) holds exactly one rule, decodes that rule, so its {@code ruleid}
     * becomes the stored uuid: the job must list only the rule it created.
     */
    void create() {
        authorizeTcp("ingress", "0.0.0.0/0", "tcp", "80");
        authorizeTcp("ingress", "0.0.0.0/0", "tcp", "443");
        ingress.put(
                "10.0.0.0/8icmp",
                authorize(
                        "ingress",
                        Params.of("cidrlist", "10.0.0.0/8")
                                .and("icmpcode", "0")
                                .and("icmptype", "8")
                                .and("protocol", "icmp")
                                .and("securitygroupid", groupId)));
        authorizeTcp("egress", "0.0.0.0/0", "udp", "53");
        authorizeFromPeer("8443");
    }

    /**
     * A rule by {@code user_security_group_list}: {@code GetSecurityGroupByName} is {@code
     * GetSecurityGroupID} ({@code listSecurityGroups keyword=<name>}, exact name among several)
     * then {@code GetSecurityGroupByID}; the authorize call names the group's account and name as
     * {@code usersecuritygrouplist[0].account} and {@code usersecuritygrouplist[0].group}.
     */
    private void authorizeFromPeer(String port) {
        String peerId = go.idByName(
                "listSecurityGroups", "securitygroup", "ListSecurityGroupsResponse", "keyword", PEER, Params.none());
        Lookup peer =
                go.byId("listSecurityGroups", "securitygroup", "ListSecurityGroupsResponse", peerId, Params.none());
        assertThat(peer.item().get("name").asText()).isEqualTo(PEER);
        String account = peer.item().get("account").asText();
        String ruleId = authorize(
                "ingress",
                Params.of("endport", port)
                        .and("protocol", "tcp")
                        .and("securitygroupid", groupId)
                        .and("startport", port)
                        .and("usersecuritygrouplist[0].account", account)
                        .and("usersecuritygrouplist[0].group", PEER));
        fromPeer.put(PEER + port, ruleId);
    }

    private void authorizeTcp(String direction, String cidr, String protocol, String port) {
        String ruleId = authorize(
                direction,
                Params.of("cidrlist", cidr)
                        .and("endport", port)
                        .and("protocol", protocol)
                        .and("securitygroupid", groupId)
                        .and("startport", port));
        (direction.equals("ingress") ? ingress : egress).put(cidr + port, ruleId);
    }

    private String authorize(String direction, Params params) {
        String command = direction.equals("ingress") ? "authorizeSecurityGroupIngress" : "authorizeSecurityGroupEgress";
        JsonNode group = go.postAsync(command, params, "SecurityGroup", true);
        JsonNode rules = group.path(direction + "rule");
        assertThat(rules.size())
                .as("the SDK decodes the rule only when the job lists exactly the one created: %s", group)
                .isEqualTo(1);
        JsonNode rule = rules.get(0);
        GoResponseTypes.get()
                .assertFits(
                        direction.equals("ingress")
                                ? "AuthorizeSecurityGroupIngressResponse"
                                : "AuthorizeSecurityGroupEgressResponse",
                        rule);
        assertThat(rule.path("ruleid").asText()).as("the uuid the state keeps").isNotEmpty();
        return rule.get("ruleid").asText();
    }

    /**
     * {@code resourceCloudStackSecurityGroupRuleRead}: {@code GetSecurityGroupByID} ({@code
     * listSecurityGroups id=}); {@code readSecurityGroupRule} indexes {@code ingressrule} and
     * {@code egressrule} by {@code ruleid} and, for each stored uuid, reads back {@code protocol},
     * {@code cidr}, and for ICMP {@code icmptype} and {@code icmpcode} (Go ints). A uuid the group
     * no longer lists is dropped from the state.
     */
    void read() {
        JsonNode group = group();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode rule : group.path("ingressrule")) {
            byId.put(rule.get("ruleid").asText(), rule);
        }
        for (JsonNode rule : group.path("egressrule")) {
            byId.put(rule.get("ruleid").asText(), rule);
        }
        assertThat(byId).hasSize(ingress.size() + egress.size() + fromPeer.size());
        fromPeer.forEach((key, ruleId) -> {
            JsonNode rule = byId.get(ruleId);
            assertThat(rule).as("rule from %s (%s)", key, ruleId).isNotNull();
            assertThat(rule.get("protocol").asText()).isEqualTo("tcp");
            assertThat(rule.get("securitygroupname").asText()).isEqualTo(PEER);
            assertThat(rule.path("cidr").asText("")).isEmpty();
        });
        ingress.forEach((key, ruleId) -> {
            JsonNode rule = byId.get(ruleId);
            assertThat(rule).as("ingress rule %s (%s)", key, ruleId).isNotNull();
            if (key.endsWith("icmp")) {
                assertThat(rule.get("protocol").asText()).isEqualTo("icmp");
                assertThat(rule.get("icmptype").asInt()).isEqualTo(8);
                assertThat(rule.get("icmpcode").asInt()).isZero();
                assertThat(rule.get("cidr").asText()).isEqualTo("10.0.0.0/8");
            } else {
                assertThat(rule.get("protocol").asText()).isEqualTo("tcp");
                assertThat(rule.get("cidr").asText()).isEqualTo("0.0.0.0/0");
                assertThat(key).isEqualTo("0.0.0.0/0" + rule.get("startport").asInt());
                assertThat(rule.get("endport").asInt())
                        .isEqualTo(rule.get("startport").asInt());
            }
        });
        egress.forEach((key, ruleId) -> {
            JsonNode rule = byId.get(ruleId);
            assertThat(rule).as("egress rule %s (%s)", key, ruleId).isNotNull();
            assertThat(rule.get("protocol").asText()).isEqualTo("udp");
            assertThat(rule.get("startport").asInt()).isEqualTo(53);
        });
    }

    private JsonNode group() {
        Lookup found =
                go.byId("listSecurityGroups", "securitygroup", "ListSecurityGroupsResponse", groupId, Params.none());
        assertThat(found.count()).isEqualTo(1);
        return found.item();
    }

    /**
     * {@code resourceCloudStackSecurityGroupRuleUpdate}: the changed rule is in the old set only,
     * so {@code deleteSecurityGroupRules} revokes each of its uuids ({@code
     * RevokeSecurityGroupIngress id=}, async, decoded into {@code RevokeSecurityGroupIngressResponse}),
     * then {@code createSecurityGroupRules} authorizes the new rule's ports; the Read follows.
     */
    void update() {
        revoke("ingress", ingress.remove("0.0.0.0/080"));
        revoke("ingress", ingress.remove("0.0.0.0/0443"));
        authorizeTcp("ingress", "0.0.0.0/0", "tcp", "80");
        authorizeTcp("ingress", "0.0.0.0/0", "tcp", "8080");
        assertThat(ingress).containsOnlyKeys("10.0.0.0/8icmp", "0.0.0.0/080", "0.0.0.0/08080");
    }

    private void revoke(String direction, String ruleId) {
        String command = direction.equals("ingress") ? "revokeSecurityGroupIngress" : "revokeSecurityGroupEgress";
        String struct = direction.equals("ingress")
                ? "RevokeSecurityGroupIngressResponse"
                : "RevokeSecurityGroupEgressResponse";
        JsonNode revoked = go.postAsync(command, Params.of("id", ruleId), struct, false);
        assertThat(revoked.get("success").asBoolean()).isTrue();
    }

    /** {@code resourceCloudStackSecurityGroupRuleDelete}: {@code deleteSecurityGroupRule} revokes every stored uuid. */
    void delete() {
        List<String> all = new ArrayList<>();
        ingress.values().forEach(id -> {
            revoke("ingress", id);
            all.add(id);
        });
        egress.values().forEach(id -> {
            revoke("egress", id);
            all.add(id);
        });
        fromPeer.values().forEach(id -> {
            revoke("ingress", id);
            all.add(id);
        });
        deleted = List.copyOf(all);
    }

    /**
     * {@code resourceCloudStackSecurityGroupRuleRead} after the delete: the group still exists but
     * lists none of the uuids, so the Read drops them all. A repeated {@code
     * deleteSecurityGroupRule} must fail with the "entity does not exist" sentence naming the rule
     * id, which the provider takes as "already revoked"; then the group itself is deleted.
     */
    void readGone() {
        JsonNode group = group();
        assertThat(group.path("ingressrule")).isEmpty();
        assertThat(group.path("egressrule")).isEmpty();
        String ruleId = deleted.get(0);
        GoError again = go.postFailing("revokeSecurityGroupIngress", Params.of("id", ruleId), true);
        assertThat(again.saysEntityDoesNotExist(ruleId))
                .as("the provider matches this text to drop the uuid: %s", again.getMessage())
                .isTrue();
        go.post("deleteSecurityGroup", Params.of("id", groupId), "DeleteSecurityGroupResponse");
        go.post(
                "deleteSecurityGroup",
                Params.of(
                        "id",
                        go.idByName(
                                "listSecurityGroups",
                                "securitygroup",
                                "ListSecurityGroupsResponse",
                                "keyword",
                                PEER,
                                Params.none())),
                "DeleteSecurityGroupResponse");
    }
}
