package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import io.weft.spec.ec2.Ec2Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Ec2ActionRouterTest {
    private static final Caller CALLER =
            new Caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ROOT/", Role.USER);
    private static final String MINE = "vpc-0123456789abcdef0";

    private final List<String> executed = new ArrayList<>();
    private final Ec2Action.Family family = () -> List.of(
            new Ec2Action("DeleteVpc", (call, out) -> {
                executed.add(call.params().required("VpcId"));
                out.leaf("return", true);
            }),
            new Ec2Action("CreateSecurityGroup", (call, out) -> {
                throw new WeftException(ErrorCode.DUPLICATE, "security group web already exists");
            }),
            new Ec2Action("AuthorizeSecurityGroupIngress", (call, out) -> {
                throw new WeftException(ErrorCode.LIMIT_EXCEEDED, "too many rules");
            }),
            new Ec2Action("DeleteSecurityGroup", (call, out) -> {
                throw new WeftException(ErrorCode.IN_USE, "used by a NIC");
            }),
            new Ec2Action("DescribeVpcs", (call, out) -> {
                throw new IllegalStateException("bug");
            }));
    private final Ec2ActionRouter dispatcher =
            new Ec2ActionRouter(Ec2Catalogue.load(), Set.of(family), (kind, caller, id) -> {
                if (!id.equals(MINE)) {
                    throw kind.notFound(id);
                }
            });

    private Ec2ActionRouter.Reply call(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return dispatcher.dispatch(parameters, CALLER, "req-1");
    }

    @Test
    void runsTheActionUnderTheResponseRoot() {
        Ec2ActionRouter.Reply reply = call("Action", "DeleteVpc", "VpcId", MINE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .contains("<DeleteVpcResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                        + "<requestId>req-1</requestId><return>true</return></DeleteVpcResponse>");
        assertThat(executed).containsExactly(MINE);
    }

    @Test
    void unknownActionIsInvalidAction() {
        Ec2ActionRouter.Reply reply = call("Action", "RunInstances");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("<Code>InvalidAction</Code>").contains("<RequestID>req-1</RequestID>");
    }

    @Test
    void requiredParameterMissingIsMissingParameter() {
        assertThat(call("Action", "DeleteVpc").body()).contains("<Code>MissingParameter</Code>");
        assertThat(executed).isEmpty();
    }

    @Test
    void dryRunChecksWithoutActing() {
        Ec2ActionRouter.Reply allowed = call("Action", "DeleteVpc", "VpcId", MINE, "DryRun", "true");
        Ec2ActionRouter.Reply denied = call("Action", "DeleteVpc", "VpcId", "vpc-fffffffffffffffff", "DryRun", "true");

        assertThat(allowed.status()).isEqualTo(412);
        assertThat(allowed.body()).contains("<Code>DryRunOperation</Code>");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("<Code>UnauthorizedOperation</Code>");
        assertThat(executed).isEmpty();
    }

    @Test
    void serviceErrorsGetTheActionsEc2Code() {
        assertThat(call("Action", "CreateSecurityGroup", "GroupName", "web", "GroupDescription", "d")
                        .body())
                .contains("<Code>InvalidGroup.Duplicate</Code>");
        assertThat(call("Action", "AuthorizeSecurityGroupIngress", "GroupId", MINE)
                        .body())
                .contains("<Code>RulesPerSecurityGroupLimitExceeded</Code>");
        assertThat(call("Action", "DeleteSecurityGroup", "GroupId", MINE).body())
                .contains("<Code>DependencyViolation</Code>");
    }

    @Test
    void unexpectedFailureIsInternalError500() {
        Ec2ActionRouter.Reply reply = call("Action", "DescribeVpcs");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains("<Code>InternalError</Code>").doesNotContain("bug");
    }

    @Test
    void badlyTypedValuesAreInvalidParameterValue() {
        assertThat(call("Action", "DeleteVpc", "VpcId", MINE, "DryRun", "yes").body())
                .contains("<Code>InvalidParameterValue</Code>");
    }

    @Test
    void errorMapperPicksCodesByAction() {
        assertThat(Ec2ErrorMapper.code("CreateSubnet", ErrorCode.NOT_FOUND)).isEqualTo("InvalidVpcID.NotFound");
        assertThat(Ec2ErrorMapper.code("RevokeSecurityGroupIngress", ErrorCode.NOT_FOUND))
                .isEqualTo("InvalidPermission.NotFound");
        assertThat(Ec2ErrorMapper.code("AuthorizeSecurityGroupEgress", ErrorCode.DUPLICATE))
                .isEqualTo("InvalidPermission.Duplicate");
        assertThat(Ec2ErrorMapper.code("DeleteVpc", ErrorCode.IN_USE)).isEqualTo("DependencyViolation");
        assertThat(Ec2ErrorMapper.code("CreateVpc", ErrorCode.INVALID_PARAMETER))
                .isEqualTo("InvalidVpc.Range");
        assertThat(Ec2ErrorMapper.code("DescribeVpcs", ErrorCode.PERMISSION_DENIED))
                .isEqualTo("UnauthorizedOperation");
        assertThat(Ec2ErrorMapper.code("DescribeVpcs", ErrorCode.INTERNAL)).isEqualTo("InternalError");
    }

    @Test
    void idsAreDeterministicAndCheckedForShape() {
        UUID uuid = UUID.fromString("0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d");

        assertThat(Ec2Kind.VPC.id(uuid)).isEqualTo("vpc-0a1b2c3d4e5f4a7b8");
        assertThat(Ec2Kind.RULE.id(uuid)).isEqualTo("sgr-0a1b2c3d4e5f4a7b8");
        assertThat(Ec2Kind.ofId("eni-0a1b2c3d4e5f4a7b8")).contains(Ec2Kind.NETWORK_INTERFACE);
        assertThat(Ec2Kind.GROUP.checkShape("sg-0a1b2c3d4e5f4a7b8")).isEqualTo("sg-0a1b2c3d4e5f4a7b8");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ec2Kind.GROUP.checkShape("sg-xyz"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidGroupId.Malformed"));
    }
}
