package io.weft.server.api.ec2;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps service errors to EC2 codes. An {@link ErrorCode} is coarser than EC2's codes, so the action
 * decides: a NOT_FOUND from CreateSubnet is about its VPC, a DUPLICATE from an authorize is a rule.
 * IDs named in a request are resolved at the edge first ({@link Ec2IdResolver}), which already gives
 * the precise not-found code; this table covers what only the service can find out.
 */
final class Ec2ErrorMapper {
    private static final Map<String, String> NOT_FOUND = Map.ofEntries(
            Map.entry("DeleteVpc", "InvalidVpcID.NotFound"),
            Map.entry("CreateSubnet", "InvalidVpcID.NotFound"),
            Map.entry("DeleteSubnet", "InvalidSubnetID.NotFound"),
            Map.entry("CreateSecurityGroup", "InvalidVpcID.NotFound"),
            Map.entry("DeleteSecurityGroup", "InvalidGroup.NotFound"),
            Map.entry("AuthorizeSecurityGroupIngress", "InvalidGroup.NotFound"),
            Map.entry("AuthorizeSecurityGroupEgress", "InvalidGroup.NotFound"),
            Map.entry("RevokeSecurityGroupIngress", "InvalidPermission.NotFound"),
            Map.entry("RevokeSecurityGroupEgress", "InvalidPermission.NotFound"),
            Map.entry("ModifySecurityGroupRules", "InvalidSecurityGroupRuleId.NotFound"),
            Map.entry("CreateNetworkInterface", "InvalidSubnetID.NotFound"),
            Map.entry("ModifyNetworkInterfaceAttribute", "InvalidGroup.NotFound"),
            Map.entry("DeleteNetworkInterface", "InvalidNetworkInterfaceID.NotFound"),
            Map.entry("AttachNetworkInterface", "InvalidInstanceID.NotFound"),
            Map.entry("DetachNetworkInterface", "InvalidAttachmentID.NotFound"));

    private static final Map<String, String> DUPLICATE = Map.of(
            "CreateSecurityGroup", "InvalidGroup.Duplicate",
            "AuthorizeSecurityGroupIngress", "InvalidPermission.Duplicate",
            "AuthorizeSecurityGroupEgress", "InvalidPermission.Duplicate",
            "ModifySecurityGroupRules", "InvalidPermission.Duplicate",
            "CreateNetworkInterface", "InvalidIPAddress.InUse",
            "AssignPrivateIpAddresses", "InvalidIPAddress.InUse");

    private static final Map<String, String> LIMIT_EXCEEDED = Map.of(
            "AuthorizeSecurityGroupIngress", "RulesPerSecurityGroupLimitExceeded",
            "AuthorizeSecurityGroupEgress", "RulesPerSecurityGroupLimitExceeded",
            "ModifySecurityGroupRules", "RulesPerSecurityGroupLimitExceeded",
            "CreateNetworkInterface", "SecurityGroupsPerInterfaceLimitExceeded",
            "ModifyNetworkInterfaceAttribute", "SecurityGroupsPerInterfaceLimitExceeded",
            "CreateSecurityGroup", "SecurityGroupLimitExceeded",
            "CreateVpc", "VpcLimitExceeded",
            "CreateSubnet", "SubnetLimitExceeded",
            "AssignPrivateIpAddresses", "PrivateIpAddressLimitExceeded",
            "CreateTags", "TagLimitExceeded");

    private static final Map<String, String> INVALID = Map.of(
            "CreateVpc", "InvalidVpc.Range",
            "CreateSubnet", "InvalidSubnet.Range");

    private Ec2ErrorMapper() {}

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static Ec2Failure map(String action, WeftException e) {
        return new Ec2Failure(code(action, e.code()), e.getMessage());
    }

    /**
     * As {@link #map(String, WeftException)}, with every Weft UUID in the message that {@code ec2Ids}
     * knows written as its EC2 ID ({@code vpc-…}, {@code sg-…}): the client never saw the UUIDs.
     */
    static Ec2Failure map(String action, WeftException e, Function<UUID, Optional<String>> ec2Ids) {
        Matcher uuids = UUID_TEXT.matcher(e.getMessage());
        StringBuilder message = new StringBuilder();
        while (uuids.find()) {
            String replacement = ec2Ids.apply(UUID.fromString(uuids.group())).orElse(uuids.group());
            uuids.appendReplacement(message, Matcher.quoteReplacement(replacement));
        }
        uuids.appendTail(message);
        return new Ec2Failure(code(action, e.code()), message.toString());
    }

    static String code(String action, ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> "AuthFailure";
            case PERMISSION_DENIED -> "UnauthorizedOperation";
            case UNKNOWN_COMMAND -> "InvalidAction";
            case MISSING_PARAMETER -> "MissingParameter";
            case INVALID_PARAMETER, RULE_CONFLICT -> INVALID.getOrDefault(action, "InvalidParameterValue");
            case NOT_FOUND -> NOT_FOUND.getOrDefault(action, "InvalidParameterValue");
            case DUPLICATE -> DUPLICATE.getOrDefault(action, "InvalidParameterValue");
            case IN_USE -> action.equals("DeleteNetworkInterface")
                    ? "InvalidNetworkInterface.InUse"
                    : "DependencyViolation";
            case LIMIT_EXCEEDED -> LIMIT_EXCEEDED.getOrDefault(action, "LimitExceeded");
            case CAPACITY_EXHAUSTED -> "InsufficientFreeAddressesInSubnet";
                // The SDK retries 503s: a lost race is worth a retry.
            case CONCURRENT_MODIFICATION, UNAVAILABLE -> "Unavailable";
            case INTERNAL -> "InternalError";
        };
    }
}
