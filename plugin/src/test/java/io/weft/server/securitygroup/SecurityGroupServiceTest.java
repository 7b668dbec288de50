package io.weft.server.securitygroup;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NicSpec;
import io.weft.server.compute.NicView;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewScope;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.service.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityGroupServiceTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    SecurityGroupService groups;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(
                DatabaseVendor.H2, dataDirectory, NetworkLimits.DEFAULTS.withRulesPerGroupPerDirection(3));
        groups = fx.groups;
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private SecurityGroupView group(String name) {
        return groups.create(fx.alice, NewSecurityGroup.cloudStack(name)).value();
    }

    @Test
    void aCloudStackGroupStartsEmptyAndAnEc2GroupWithAnAllowAllEgressRule() {
        int before = fx.changes().size();
        SecurityGroupView web = group("web");
        assertThat(web.ingress()).isEmpty();
        assertThat(web.egress()).isEmpty();
        assertThat(web.egressPolicy()).isEqualTo(EgressPolicy.CLOUDSTACK);
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(web.id()), false));

        UUID vpc =
                fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value().id();
        SecurityGroupView ec2 =
                groups.create(fx.alice, NewSecurityGroup.ec2("web", "web", vpc)).value();
        assertThat(ec2.egress()).singleElement().satisfies(rule -> {
            assertThat(rule.protocol()).isEqualTo("all");
            assertThat(rule.remoteCidr()).contains("0.0.0.0/0");
        });
        // The EC2 egress rule is a real rule: it can be revoked by its content.
        groups.revokeMatching(
                fx.alice,
                ec2.id(),
                RuleDirection.EGRESS,
                List.of(RuleRequest.protocol("-1").fromCidrs("0.0.0.0/0")));
        assertThat(groups.get(fx.alice, ec2.id()).egress()).isEmpty();
    }

    @Test
    void namesAreUniquePerAccountAndDefaultIsReserved() {
        group("web");
        fx.assertFailsUnchanged(() -> group("web"), ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(() -> group("default"), ErrorCode.INVALID_PARAMETER);
        assertThat(groups.create(fx.bob, NewSecurityGroup.cloudStack("web"))
                        .value()
                        .accountId())
                .isEqualTo(fx.bob.accountId());
    }

    @Test
    void onePermissionBecomesOneRulePerCidrAndPerGroup() {
        SecurityGroupView web = group("web");
        SecurityGroupView admin = group("admin");
        int before = fx.changes().size();
        List<RuleView> rules = groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(22, 22)
                                .fromCidrs("10.0.0.0/8", "2001:db8::/32")
                                .fromGroups(GroupRef.name("admin"))
                                .describedAs("ssh")))
                .value();

        assertThat(rules).hasSize(3).allSatisfy(rule -> {
            assertThat(rule.protocol()).isEqualTo("tcp");
            assertThat(rule.startPort()).contains(22);
            assertThat(rule.description()).contains("ssh");
        });
        assertThat(rules)
                .extracting(RuleView::etherType)
                .containsExactly(EtherType.IPV4, EtherType.IPV6, EtherType.IPV4);
        assertThat(rules.get(2).remoteGroup().orElseThrow().id()).isEqualTo(admin.id());
        assertThat(groups.get(fx.alice, web.id()).ingress())
                .extracting(RuleView::id)
                .containsExactlyElementsOf(rules.stream().map(RuleView::id).toList());
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(web.id()), false));
    }

    @Test
    void wireConventionsMapOntoTheRulesEngineModel() {
        SecurityGroupView web = group("web");
        List<RuleView> rules = groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(
                                RuleRequest.protocol("TCP").ports(0, 65535).fromCidrs("10.1.2.3/16"),
                                RuleRequest.icmp(-1, -1).fromCidrs("0.0.0.0/0"),
                                RuleRequest.protocol("47").fromCidrs("192.168.0.0/24")))
                .value();
        assertThat(rules.get(0).startPort()).isEmpty();
        assertThat(rules.get(0).remoteCidr()).contains("10.1.0.0/16");
        assertThat(rules.get(1).icmpType()).isEmpty();
        assertThat(rules.get(2).protocol()).isEqualTo("47");
    }

    @Test
    void invalidRulesAreRejectedByTheRulesEngineModel() {
        SecurityGroupView web = group("web");
        for (RuleRequest bad : List.of(
                RuleRequest.tcp(80, 22).fromCidrs("0.0.0.0/0"),
                RuleRequest.protocol("icmp").ports(22, 22).fromCidrs("0.0.0.0/0"),
                RuleRequest.protocol("icmpv6").fromCidrs("0.0.0.0/0"),
                RuleRequest.protocol("gre").fromCidrs("0.0.0.0/0"),
                RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/33"))) {
            fx.assertFailsUnchanged(
                    () -> groups.authorize(fx.alice, web.id(), RuleDirection.INGRESS, List.of(bad)),
                    ErrorCode.INVALID_PARAMETER);
        }
        fx.assertFailsUnchanged(
                () -> groups.authorize(fx.alice, web.id(), RuleDirection.INGRESS, List.of(RuleRequest.tcp(22, 22))),
                ErrorCode.MISSING_PARAMETER);
    }

    @Test
    void aDuplicateRuleIsRejectedAndNothingOfTheCallIsCreated() {
        SecurityGroupView web = group("web");
        groups.authorize(
                fx.alice,
                web.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8")));
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(
                                RuleRequest.tcp(80, 80).fromCidrs("0.0.0.0/0"),
                                RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8"))),
                ErrorCode.DUPLICATE);
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(443, 443).fromCidrs("0.0.0.0/0", "0.0.0.0/0"))),
                ErrorCode.DUPLICATE);
        assertThat(groups.get(fx.alice, web.id()).ingress()).hasSize(1);
        // The same rule in the other direction is another rule.
        groups.authorize(
                fx.alice,
                web.id(),
                RuleDirection.EGRESS,
                List.of(RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8")));
    }

    @Test
    void theRuleQuotaCountsEachDirectionAndAGroupReferenceAsOne() {
        SecurityGroupView web = group("web");
        groups.authorize(
                fx.alice,
                web.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(1, 1)
                        .fromCidrs("10.0.0.0/8", "10.1.0.0/16")
                        .fromGroups(GroupRef.id(web.id()))));
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(2, 2).fromCidrs("0.0.0.0/0"))),
                ErrorCode.LIMIT_EXCEEDED);
        groups.authorize(
                fx.alice,
                web.id(),
                RuleDirection.EGRESS,
                List.of(RuleRequest.tcp(2, 2).fromCidrs("0.0.0.0/0")));
    }

    @Test
    void rulesAreRevokedByIdOrByContentAllOrNothing() {
        SecurityGroupView web = group("web");
        List<RuleView> rules = groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8", "10.1.0.0/16")))
                .value();
        fx.assertFailsUnchanged(
                () -> groups.revoke(fx.alice, List.of(rules.get(0).id(), UUID.randomUUID()), RuleDirection.INGRESS),
                ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> groups.revoke(fx.bob, List.of(rules.get(0).id()), RuleDirection.INGRESS), ErrorCode.NOT_FOUND);
        // An ingress rule revoked as egress is refused, as CloudStack refuses it ("mismatch in rule type").
        fx.assertFailsUnchanged(
                () -> groups.revoke(fx.alice, List.of(rules.get(0).id()), RuleDirection.EGRESS),
                ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> groups.revokeMatching(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(22, 22).fromCidrs("10.0.0.0/8", "10.2.0.0/16"))),
                ErrorCode.NOT_FOUND);
        assertThat(groups.get(fx.alice, web.id()).ingress()).hasSize(2);

        int before = fx.changes().size();
        groups.revoke(fx.alice, List.of(rules.get(0).id()), RuleDirection.INGRESS);
        groups.revokeMatching(
                fx.alice,
                web.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(22, 22).fromCidrs("10.1.0.0/16")));
        assertThat(groups.get(fx.alice, web.id()).ingress()).isEmpty();
        assertThat(fx.changesAfter(before))
                .containsExactly(record("group", List.of(web.id()), true), record("group", List.of(web.id()), true));
    }

    @Test
    void aGroupInUseOrReferencedCannotBeDeletedAndTheErrorSaysWhy() {
        SecurityGroupView web = group("web");
        SecurityGroupView db = group("db");
        groups.authorize(
                fx.alice,
                db.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.tcp(5432, 5432).fromGroups(GroupRef.id(web.id()))));
        NetworkView network = fx.network(fx.alice, "net", "10.0.0.0/24");
        NicView nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups(GroupRef.id(db.id())))
                .value();

        fx.assertFailsUnchanged(() -> groups.delete(fx.alice, web.id()), ErrorCode.IN_USE);
        fx.assertFailsUnchanged(() -> groups.delete(fx.alice, db.id()), ErrorCode.IN_USE);
        assertThat(groups.get(fx.alice, db.id()).nicIds()).containsExactly(nic.id());
        try {
            groups.delete(fx.alice, web.id());
        } catch (WeftException e) {
            assertThat(e.getMessage()).contains(db.id().toString());
        }

        fx.nics.setGroups(fx.alice, nic.id(), List.of());
        groups.delete(fx.alice, db.id());
        int before = fx.changes().size();
        groups.delete(fx.alice, web.id());
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(web.id()), true));
    }

    @Test
    void aGroupThatOnlyNamesItselfCanBeDeleted() {
        SecurityGroupView web = group("web");
        groups.authorize(
                fx.alice,
                web.id(),
                RuleDirection.INGRESS,
                List.of(RuleRequest.protocol("all").fromGroups(GroupRef.id(web.id()))));
        groups.delete(fx.alice, web.id());
        fx.assertFailsUnchanged(() -> groups.get(fx.alice, web.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void anotherTenantsGroupCannotBeSeenUsedOrReferenced() {
        SecurityGroupView web = group("web");
        SecurityGroupView bobs =
                groups.create(fx.bob, NewSecurityGroup.cloudStack("bobs")).value();
        fx.assertFailsUnchanged(() -> groups.get(fx.bob, web.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> groups.delete(fx.bob, web.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.bob,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(1, 1).fromCidrs("0.0.0.0/0"))),
                ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(1, 1).fromGroups(GroupRef.id(bobs.id())))),
                ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> groups.authorize(
                        fx.alice,
                        web.id(),
                        RuleDirection.INGRESS,
                        List.of(RuleRequest.tcp(1, 1).fromGroups(GroupRef.name("bob", "bobs")))),
                ErrorCode.NOT_FOUND);
        // Root may see both, so root may let one tenant's group name another's (CloudStack account+name).
        assertThat(groups.authorize(
                                fx.root,
                                web.id(),
                                RuleDirection.INGRESS,
                                List.of(RuleRequest.tcp(1, 1).fromGroups(GroupRef.name("bob", "bobs"))))
                        .value())
                .singleElement()
                .satisfies(rule -> assertThat(rule.remoteGroup().orElseThrow().accountName())
                        .isEqualTo("bob"));
        assertThat(groups.list(fx.bob, GroupQuery.all(), Page.ALL).items())
                .extracting(SecurityGroupView::name)
                .containsExactly("bobs");
    }

    @Test
    void theCloudStackDefaultGroupIsCreatedOnceWithoutRulesAndCannotBeDeleted() {
        int before = fx.changes().size();
        SecurityGroupView first =
                groups.defaultGroupFor(fx.alice, fx.alice.accountId()).value();
        var again = groups.defaultGroupFor(fx.alice, fx.alice.accountId());
        assertThat(again.value().id()).isEqualTo(first.id());
        assertThat(again.changeIds()).isEmpty();
        assertThat(first.egressPolicy()).isEqualTo(EgressPolicy.CLOUDSTACK);
        assertThat(first.ingress()).isEmpty();
        assertThat(first.egress()).isEmpty();
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(first.id()), false));
        fx.assertFailsUnchanged(() -> groups.delete(fx.alice, first.id()), ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(() -> groups.defaultGroupFor(fx.bob, fx.alice.accountId()), ErrorCode.NOT_FOUND);
    }

    @Test
    void listsFilterByNameKeywordAndNic() {
        SecurityGroupView web = group("web");
        group("web-admin");
        group("db");
        NetworkView network = fx.network(fx.alice, "net", "10.0.0.0/24");
        NicView nic = fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network.id()).withGroups(GroupRef.id(web.id())))
                .value();
        assertThat(groups.list(fx.alice, GroupQuery.all().withKeyword("web"), Page.ALL)
                        .total())
                .isEqualTo(2);
        assertThat(groups.list(fx.alice, GroupQuery.all().withNames(Set.of("db")), Page.ALL)
                        .items())
                .extracting(SecurityGroupView::name)
                .containsExactly("db");
        assertThat(groups.list(fx.alice, GroupQuery.all().ofNic(nic.id()), Page.ALL)
                        .items())
                .extracting(SecurityGroupView::id)
                .containsExactly(web.id());
        assertThat(groups.getByName(fx.alice, Optional.empty(), Optional.empty(), "db")
                        .name())
                .isEqualTo("db");
    }

    @Test
    void aRenameKeepsNamesUniqueAndIsRecorded() {
        SecurityGroupView web = group("web");
        group("db");
        fx.assertFailsUnchanged(
                () -> groups.update(fx.alice, web.id(), Optional.of("db"), Optional.empty()), ErrorCode.DUPLICATE);
        int before = fx.changes().size();
        assertThat(groups.update(fx.alice, web.id(), Optional.of("www"), Optional.of("new"))
                        .value()
                        .name())
                .isEqualTo("www");
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(web.id()), false));
    }
}
