package io.weft.spec.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.spec.CatalogueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ec2CatalogueTest {
    private static final Ec2Catalogue CATALOGUE = Ec2Catalogue.load();

    private static final List<String> ACTIONS = List.of(
            "DescribeAvailabilityZones",
            "DescribeRegions",
            "CreateVpc",
            "DescribeVpcs",
            "DeleteVpc",
            "DescribeVpcAttribute",
            "ModifyVpcAttribute",
            "DescribeNetworkAcls",
            "DescribeRouteTables",
            "DescribeVpcEndpoints",
            "DescribeVpcClassicLink",
            "DescribeVpcClassicLinkDnsSupport",
            "CreateSubnet",
            "DescribeSubnets",
            "DeleteSubnet",
            "ModifySubnetAttribute",
            "CreateSecurityGroup",
            "DescribeSecurityGroups",
            "DeleteSecurityGroup",
            "AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress",
            "DescribeSecurityGroupRules",
            "ModifySecurityGroupRules",
            "UpdateSecurityGroupRuleDescriptionsIngress",
            "UpdateSecurityGroupRuleDescriptionsEgress",
            "CreateNetworkInterface",
            "DescribeNetworkInterfaces",
            "ModifyNetworkInterfaceAttribute",
            "DeleteNetworkInterface",
            "AttachNetworkInterface",
            "DetachNetworkInterface",
            "AssignPrivateIpAddresses",
            "UnassignPrivateIpAddresses",
            "CreateTags",
            "DeleteTags",
            "DescribeTags");

    /** Filter names per API-COMPAT.md §3.5–3.6. */
    private static final Map<String, List<String>> FILTERS = Map.of(
            "DescribeVpcs",
            List.of("vpc-id", "state", "cidr", "is-default", "owner-id", "tag-key", "tag:Name"),
            "DescribeSubnets",
            List.of("subnet-id", "vpc-id", "cidr-block", "availability-zone", "state", "tag:env"),
            "DescribeSecurityGroups",
            List.of(
                    "group-id",
                    "group-name",
                    "vpc-id",
                    "description",
                    "owner-id",
                    "ip-permission.cidr",
                    "ip-permission.from-port",
                    "ip-permission.to-port",
                    "ip-permission.protocol",
                    "ip-permission.group-id",
                    "egress.ip-permission.cidr",
                    "egress.ip-permission.protocol"),
            "DescribeNetworkInterfaces",
            List.of(
                    "network-interface-id",
                    "subnet-id",
                    "vpc-id",
                    "group-id",
                    "private-ip-address",
                    "mac-address",
                    "status",
                    "attachment.instance-id"),
            "DescribeSecurityGroupRules",
            List.of("group-id", "security-group-rule-id", "tag:k"));

    @Test
    void catalogueHoldsEveryActionOfTheBrief() {
        assertThat(CATALOGUE.actions()).extracting(ActionSpec::name).containsExactlyInAnyOrderElementsOf(ACTIONS);
        assertThat(CATALOGUE.apiVersion()).isEqualTo("2016-11-15");
    }

    @Test
    void everyActionTakesDryRunAndNamesItsResponseRoot() {
        for (ActionSpec action : CATALOGUE.actions()) {
            assertThat(action.param("DryRun")).as(action.name()).isPresent();
            assertThat(action.responseRoot()).isEqualTo(action.name() + "Response");
            assertThat(action.responseElements()).as(action.name()).isNotEmpty();
            assertThat(action.params())
                    .allSatisfy(param -> assertThat(param.description()).isNotBlank());
        }
    }

    @Test
    void filtersFollowTheResource() {
        FILTERS.forEach((name, filters) -> {
            ActionSpec action = CATALOGUE.action(name).orElseThrow();
            for (String filter : filters) {
                assertThat(action.allowsFilter(filter)).as(name + " " + filter).isTrue();
            }
            assertThat(action.allowsFilter("instance-type")).as(name).isFalse();
        });
        assertThat(CATALOGUE.action("DescribeTags").orElseThrow().allowsFilter("resource-type"))
                .isTrue();
    }

    @Test
    void paginatedActionsBoundMaxResultsFromFiveToAThousand() {
        for (ActionSpec action : CATALOGUE.actions()) {
            Optional<Ec2ParamSpec> maxResults = action.param("MaxResults");
            assertThat(maxResults.isPresent()).as(action.name()).isEqualTo(action.paginated());
            assertThat(action.param("NextToken").isPresent()).as(action.name()).isEqualTo(action.paginated());
            maxResults.ifPresent(param -> assertThat(param.limits()).contains(new IntRange(5, 1000)));
        }
        assertThat(CATALOGUE.action("DescribeAvailabilityZones").orElseThrow().paginated())
                .isFalse();
        assertThat(CATALOGUE.action("DescribeVpcs").orElseThrow().responseElements())
                .containsExactly("vpcSet", "nextToken");
    }

    @Test
    void ruleGroupsTravelAsGroupsAndAlsoAsUserIdGroupPairs() {
        for (String name : List.of(
                "AuthorizeSecurityGroupIngress",
                "AuthorizeSecurityGroupEgress",
                "RevokeSecurityGroupIngress",
                "RevokeSecurityGroupEgress")) {
            ActionSpec action = CATALOGUE.action(name).orElseThrow();
            assertThat(action.param("IpPermissions.1.Groups.1.GroupId"))
                    .map(Ec2ParamSpec::name)
                    .contains("IpPermissions.N.Groups.M.GroupId");
            assertThat(action.param("IpPermissions.2.UserIdGroupPairs.3.GroupId"))
                    .map(Ec2ParamSpec::name)
                    .contains("IpPermissions.N.Groups.M.GroupId");
            assertThat(action.param("IpPermissions.1.IpRanges.1.CidrIp"))
                    .as(name)
                    .isPresent();
            assertThat(action.param("CidrIp")).as(name + " legacy flat form").isPresent();
            assertThat(action.param("IpPermissions.0.IpProtocol"))
                    .as(name + " positions may start at 0, as AWS accepts")
                    .isPresent();
            assertThat(action.param("IpPermissions.01.IpProtocol"))
                    .as(name + " positions are plain numbers")
                    .isEmpty();
            assertThat(action.param("IpPermissions.x.IpProtocol"))
                    .as(name + " positions are numbers")
                    .isEmpty();
        }
        assertThat(CATALOGUE.action("RevokeSecurityGroupIngress").orElseThrow().param("SecurityGroupRuleId.1"))
                .isPresent();
    }

    @Test
    void requiredParametersFollowTheApi() {
        assertThat(required("CreateSecurityGroup")).containsExactlyInAnyOrder("GroupName", "GroupDescription");
        assertThat(required("CreateSubnet")).containsExactlyInAnyOrder("VpcId", "CidrBlock");
        assertThat(required("DeleteVpc")).containsExactly("VpcId");
        assertThat(required("AuthorizeSecurityGroupIngress")).isEmpty();
        assertThat(required("AuthorizeSecurityGroupEgress")).containsExactly("GroupId");
        assertThat(required("ModifyNetworkInterfaceAttribute")).containsExactly("NetworkInterfaceId");
        assertThat(CATALOGUE
                        .action("ModifyNetworkInterfaceAttribute")
                        .orElseThrow()
                        .param("SecurityGroupId.2"))
                .isPresent();
    }

    @Test
    void errorCodesCarryTheirHttpStatus() {
        assertThat(CATALOGUE.error("AuthFailure")).map(Ec2ErrorSpec::httpStatus).contains(401);
        assertThat(CATALOGUE.error("SignatureDoesNotMatch"))
                .map(Ec2ErrorSpec::httpStatus)
                .contains(403);
        assertThat(CATALOGUE.error("DryRunOperation"))
                .map(Ec2ErrorSpec::httpStatus)
                .contains(412);
        assertThat(CATALOGUE.error("InvalidGroup.NotFound"))
                .map(Ec2ErrorSpec::httpStatus)
                .contains(400);
        assertThat(CATALOGUE.error("InternalError"))
                .map(Ec2ErrorSpec::httpStatus)
                .contains(500);
        assertThat(CATALOGUE.error("RequestLimitExceeded"))
                .map(Ec2ErrorSpec::httpStatus)
                .contains(503);
        assertThat(CATALOGUE.errors())
                .extracting(Ec2ErrorSpec::code)
                .contains(
                        "InvalidParameterValue",
                        "MissingParameter",
                        "InvalidVpcID.NotFound",
                        "InvalidPermission.Duplicate",
                        "DependencyViolation",
                        "InvalidSubnet.Conflict",
                        "RulesPerSecurityGroupLimitExceeded",
                        "InvalidNextToken");
    }

    @Test
    void limitsOnANonIntegerParameterAreRejected() {
        String json =
                """
                {"apiVersion": "v", "commonParams": [], "paramGroups": {}, "errors": [],
                 "actions": [{"name": "X", "description": "d", "responseElements": ["return"],
                              "params": [{"name": "P", "type": "string", "min": 1, "max": 2, "description": "d"}]}]}
                """;
        assertThatThrownBy(
                        () -> Ec2Catalogue.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("limits");
    }

    private static List<String> required(String name) {
        return CATALOGUE.action(name).orElseThrow().params().stream()
                .filter(Ec2ParamSpec::required)
                .map(Ec2ParamSpec::name)
                .toList();
    }
}
