package io.weft.server.securitygroup;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.weft.server.error.ErrorCode;
import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SecurityGroupService#replaceRules}: new content in place, ids kept, one change record, all or nothing. */
class RuleReplacementTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    SecurityGroupService groups;
    SecurityGroupView web;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        groups = fx.groups;
        web = groups.create(fx.alice, NewSecurityGroup.cloudStack("web")).value();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<RuleView> authorize(RuleDirection direction, RuleRequest... requests) {
        return groups.authorize(fx.alice, web.id(), direction, List.of(requests))
                .value();
    }

    @Test
    void swappingTheContentOfTwoRulesKeepsBothIdsAndIsNoDuplicate() {
        List<RuleView> rules = authorize(
                RuleDirection.INGRESS,
                RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8"),
                RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/8"));
        int before = fx.changes().size();
        Map<UUID, RuleRequest> swap = new LinkedHashMap<>();
        swap.put(rules.get(0).id(), RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/8"));
        swap.put(rules.get(1).id(), RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8"));

        groups.replaceRules(fx.alice, web.id(), swap);

        assertThat(groups.get(fx.alice, web.id()).ingress())
                .extracting(RuleView::id, rule -> rule.startPort().orElseThrow())
                .containsExactly(
                        tuple(rules.get(0).id(), 80), tuple(rules.get(1).id(), 22));
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(web.id()), false));
    }

    @Test
    void aRuleKeepsItsDirectionAndTakesAnotherFamilyProtocolAndRemote() {
        SecurityGroupView admin =
                groups.create(fx.alice, NewSecurityGroup.cloudStack("admin")).value();
        RuleView egress = authorize(RuleDirection.EGRESS, RuleRequest.icmp(8, 0).fromCidrs("10.0.0.0/8"))
                .get(0);

        RuleView replaced = groups.replaceRules(
                        fx.alice,
                        web.id(),
                        Map.of(egress.id(), RuleRequest.tcp(443, 443).fromCidrs("2001:db8::/32")))
                .value()
                .get(0);
        RuleView toGroup = groups.replaceRules(
                        fx.alice,
                        web.id(),
                        Map.of(egress.id(), RuleRequest.protocol("udp").fromGroups(GroupRef.id(admin.id()))))
                .value()
                .get(0);

        assertThat(replaced.id()).isEqualTo(egress.id());
        assertThat(replaced.direction()).isEqualTo(RuleDirection.EGRESS);
        assertThat(replaced.etherType()).isEqualTo(EtherType.IPV6);
        assertThat(replaced.icmpType()).isEmpty();
        assertThat(replaced.startPort()).contains(443);
        assertThat(toGroup.remoteCidr()).isEmpty();
        assertThat(toGroup.remoteGroup().orElseThrow().id()).isEqualTo(admin.id());
        assertThat(groups.get(fx.alice, web.id()).egress()).containsExactly(toGroup);
    }

    @Test
    void aFailingReplacementChangesNoRule() {
        List<RuleView> rules = authorize(
                RuleDirection.INGRESS,
                RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8"),
                RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/8"));
        SecurityGroupView other =
                groups.create(fx.alice, NewSecurityGroup.cloudStack("other")).value();
        UUID otherRule = groups.authorize(
                        fx.alice,
                        other.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(1, 1).fromCidrs("0.0.0.0/0")))
                .value()
                .get(0)
                .id();
        RuleRequest fine = RuleRequest.tcp(23, 23).fromCidrs("10.0.0.0/8");
        List<RuleView> before = groups.get(fx.alice, web.id()).ingress();

        fx.assertFailsUnchanged(() -> replace(rules.get(0).id(), fine, otherRule, fine), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> replace(
                        rules.get(0).id(),
                        fine,
                        rules.get(1).id(),
                        RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/33")),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> replace(
                        rules.get(0).id(),
                        fine,
                        rules.get(1).id(),
                        RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/8", "10.1.0.0/16")),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> replace(rules.get(0).id(), RuleRequest.tcp(80, 80).fromCidrs("10.0.0.0/8"), null, null),
                ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(
                () -> groups.replaceRules(fx.bob, web.id(), Map.of(rules.get(0).id(), fine)), ErrorCode.NOT_FOUND);

        assertThat(groups.get(fx.alice, web.id()).ingress()).isEqualTo(before);
    }

    /** Replaces one rule, or two when {@code second} is not null, in one call. */
    private void replace(UUID first, RuleRequest firstContent, UUID second, RuleRequest secondContent) {
        Map<UUID, RuleRequest> replacements = new LinkedHashMap<>();
        replacements.put(first, firstContent);
        if (second != null) {
            replacements.put(second, secondContent);
        }
        groups.replaceRules(fx.alice, web.id(), replacements);
    }
}
