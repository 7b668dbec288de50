package io.weft.server.network;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkScopeServiceTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aNewScopeHasADefaultGroupWhoseMembersReachEachOtherAndMayEgressAnywhere() {
        int before = fx.changes().size();
        ScopeView vpc = fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
        SecurityGroupView group = fx.groups.get(fx.alice, vpc.defaultGroupId().orElseThrow());

        assertThat(group.name()).isEqualTo("default");
        assertThat(group.isDefault()).isTrue();
        assertThat(group.scopeId()).contains(vpc.id());
        assertThat(group.egressPolicy()).isEqualTo(EgressPolicy.EC2);
        RuleView ingress = group.ingress().get(0);
        assertThat(group.ingress()).hasSize(1);
        assertThat(ingress.protocol()).isEqualTo("all");
        assertThat(ingress.remoteGroup().orElseThrow().id()).isEqualTo(group.id());
        assertThat(group.egress()).singleElement().satisfies(rule -> {
            assertThat(rule.protocol()).isEqualTo("all");
            assertThat(rule.remoteCidr()).contains("0.0.0.0/0");
        });
        assertThat(fx.changesAfter(before)).containsExactly(record("group", List.of(group.id()), false));
    }

    @Test
    void scopeCidrsAreBetweenSlash16AndSlash28() {
        fx.assertFailsUnchanged(
                () -> fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/15")), ErrorCode.INVALID_PARAMETER);
        fx.assertFailsUnchanged(
                () -> fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/29")), ErrorCode.INVALID_PARAMETER);
        assertThat(fx.scopes
                        .create(fx.alice, NewScope.of("10.0.0.0/28"))
                        .value()
                        .cidr())
                .isEqualTo("10.0.0.0/28");
    }

    @Test
    void aScopeWithNetworksOrGroupsIsInUseAndItsDefaultGroupCannotBeDeleted() {
        ScopeView vpc = fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
        NetworkView subnet = fx.networks
                .create(fx.alice, NewNetwork.of(fx.zone, "a", "10.0.1.0/24").inScope(vpc.id()))
                .value();
        SecurityGroupView web = fx.groups
                .create(fx.alice, NewSecurityGroup.ec2("web", "web tier", vpc.id()))
                .value();
        fx.assertFailsUnchanged(() -> fx.scopes.delete(fx.alice, vpc.id()), ErrorCode.IN_USE);
        fx.assertFailsUnchanged(
                () -> fx.groups.delete(fx.alice, vpc.defaultGroupId().orElseThrow()), ErrorCode.INVALID_PARAMETER);
        fx.networks.delete(fx.alice, subnet.id(), false);
        fx.assertFailsUnchanged(() -> fx.scopes.delete(fx.alice, vpc.id()), ErrorCode.IN_USE);
        fx.groups.delete(fx.alice, web.id());

        int before = fx.changes().size();
        fx.scopes.delete(fx.alice, vpc.id());
        assertThat(fx.changesAfter(before))
                .containsExactly(record("group", List.of(vpc.defaultGroupId().orElseThrow()), true));
        fx.assertFailsUnchanged(
                () -> fx.groups.get(fx.alice, vpc.defaultGroupId().orElseThrow()), ErrorCode.NOT_FOUND);
    }

    @Test
    void anotherTenantCannotSeeOrUseAScope() {
        ScopeView vpc = fx.scopes.create(fx.alice, NewScope.of("10.0.0.0/16")).value();
        fx.assertFailsUnchanged(() -> fx.scopes.get(fx.bob, vpc.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(() -> fx.scopes.delete(fx.bob, vpc.id()), ErrorCode.NOT_FOUND);
        fx.assertFailsUnchanged(
                () -> fx.groups.create(fx.bob, NewSecurityGroup.ec2("x", "x", vpc.id())), ErrorCode.NOT_FOUND);
        assertThat(fx.scopes.list(fx.bob, Set.of(), Optional.empty(), Page.ALL).items())
                .isEmpty();
        assertThat(fx.scopes
                        .list(fx.alice, Set.of(vpc.id()), Optional.empty(), Page.ALL)
                        .items())
                .extracting(ScopeView::id)
                .containsExactly(vpc.id());
        assertThat(fx.groups.get(fx.alice, vpc.defaultGroupId().orElseThrow()).ingress())
                .extracting(RuleView::direction)
                .containsOnly(RuleDirection.INGRESS);
    }
}
